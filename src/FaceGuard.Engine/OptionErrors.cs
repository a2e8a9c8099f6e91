namespace FaceGuard.Engine;

/// <summary>What an option's validation says, for a person: the message of the exception its setter throws, without
/// the " (Parameter 'x')" and "Actual value was …" lines .NET appends for developers.</summary>
public static class OptionErrors
{
    public static string Text(ArgumentException e) => e.Message.Split(" (Parameter")[0];
}
