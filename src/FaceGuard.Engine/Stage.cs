namespace FaceGuard.Engine;

/// <summary>
/// The stages of one photo, in the order they run. Their names are one contract: the service's Server-Timing header and
/// Prometheus label, the request log's columns and the charts all take them from <see cref="Stages"/>.
/// </summary>
public enum Stage
{
    Decode,
    Detect,

    /// <summary>Hiding the faces: blur, mosaic or solid fill. Called "blur" before mosaic and solid existed; that name
    /// is still read.</summary>
    Mask,

    Encode,
}

public static class Stages
{
    public static IReadOnlyList<Stage> All { get; } = Enum.GetValues<Stage>();

    /// <summary>The mask stage's former name, in Server-Timing headers and logs written before it was renamed.</summary>
    public const string FormerMaskName = "blur";

    /// <summary>"decode", "detect", "mask", "encode": Server-Timing names and Prometheus labels.</summary>
    public static string Name(Stage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>A stage by its name, its former name included; case is ignored.</summary>
    public static bool TryParse(string name, out Stage stage)
    {
        if (name.Equals(FormerMaskName, StringComparison.OrdinalIgnoreCase))
        {
            stage = Stage.Mask;
            return true;
        }
        return Enum.TryParse(name, ignoreCase: true, out stage) && Enum.IsDefined(stage);
    }
}
