using System.Diagnostics;

namespace FaceGuard.Benchmarks;

/// <summary>
/// The plain Python service a reader of the seed tutorial builds (Flask + OpenCV + BlazeFace long range), from
/// <c>../shared/peers/seed_service.py</c> beside the repository or <c>FACEGUARD_PEER</c>. It runs as its users run it:
/// Debian's python3 with glibc's default malloc settings.
/// </summary>
internal static class PythonPeer
{
    private const string Python = "/usr/bin/python3";

    /// <summary>The peer as a child process on a free loopback port, or why it cannot run here.</summary>
    public static async Task<(LocalServer? Peer, string? WhyNot)> TryStartAsync()
    {
        string script = Environment.GetEnvironmentVariable("FACEGUARD_PEER")
                        ?? Path.GetFullPath(Path.Combine(FaceGuard.Analysis.DataFolder.Resolve("."), "..", "..", "shared", "peers", "seed_service.py"));
        if (!File.Exists(script)) return (null, $"no {script} (set FACEGUARD_PEER to seed_service.py)");
        string model = Environment.GetEnvironmentVariable("MODEL") ?? Path.Combine(
            Environment.GetEnvironmentVariable("PEER_MODEL_DIR") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "faceguard-peer"),
            "face_detection_back_256x256_barracuda.onnx");
        if (!File.Exists(model)) return (null, $"no model at {model} (run {Path.Combine(Path.GetDirectoryName(script)!, "models", "fetch_model.sh")})");
        if (!await ModulesPresentAsync()) return (null, "Debian's python3-flask and python3-opencv are not installed");

        var peer = await LocalServer.StartAsync(Python, "/", [script], port => new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(),
            ["HOST"] = "127.0.0.1",
            ["MODEL"] = model,
        }, withFaceGuardMemorySettings: false);
        return (peer, null);
    }

    private static async Task<bool> ModulesPresentAsync()
    {
        if (!File.Exists(Python)) return false;
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import flask, cv2, numpy"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await check.WaitForExitAsync();
        return check.ExitCode == 0;
    }
}
