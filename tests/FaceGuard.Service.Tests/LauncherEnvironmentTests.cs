using System.Text.Json;
using System.Text.RegularExpressions;
using FaceGuard.Engine;

namespace FaceGuard.Service.Tests;

/// <summary>The allocator settings the service is started with are written once, in NativeMemory; the launchers that
/// cannot call it (a shell script, a JSON file) must say the same.</summary>
public partial class LauncherEnvironmentTests
{
    [Fact]
    public void The_faceguard_launcher_exports_the_allocator_settings_of_NativeMemory()
    {
        string script = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "faceguard"));
        var exported = ExportedDefault().Matches(script).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

        Assert.Equal(NativeMemory.LauncherEnvironment.OrderBy(e => e.Key), exported.OrderBy(e => e.Key));
    }

    [Fact]
    public void Launch_settings_carry_the_allocator_settings_of_NativeMemory()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "FaceGuard.Service", "Properties", "launchSettings.json")));
        var variables = json.RootElement.GetProperty("profiles").GetProperty("FaceGuard.Service").GetProperty("environmentVariables")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        Assert.Equal(NativeMemory.LauncherEnvironment.OrderBy(e => e.Key), variables.OrderBy(e => e.Key));
    }

    // NAME="${NAME:-value}" in an export line
    [GeneratedRegex(@"(?<name>[A-Z_]+)=""\$\{\k<name>:-(?<value>[^}]*)\}""")]
    private static partial Regex ExportedDefault();
}
