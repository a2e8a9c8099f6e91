using System.Globalization;
using System.Net;

namespace FaceGuard.Analysis.Sampling;

/// <summary>
/// Finds the process listening on a local TCP port (Linux: /proc/net/tcp{,6} give the socket inode, /proc/*/fd
/// links name the process holding it), so a load test against http://127.0.0.1:8080 watches the service itself.
/// </summary>
public static class ListeningProcess
{
    private const string ListenState = "0A";

    /// <summary>The PID, or null with the reason when it cannot be found (not loopback, not Linux, no permission).</summary>
    public static (int? Pid, string? Reason) Find(Uri url)
    {
        if (!OperatingSystem.IsLinux()) return (null, "finding the service's process by port needs Linux's /proc; pass --pid");
        if (!IsLocal(url.Host)) return (null, $"{url.Host} is not this machine, so its process cannot be watched from here; pass --pid if it is local");

        var inodes = ListeningInodes(url.Port);
        if (inodes.Count == 0) return (null, $"nothing on this machine listens on port {url.Port}");
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                foreach (string fd in Directory.EnumerateFiles(Path.Combine(dir, "fd")))
                {
                    string? target = new FileInfo(fd).LinkTarget;
                    if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]))
                        return (pid, null);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // processes of other users, or ones that ended meanwhile
            }
        }
        return (null, $"the process listening on port {url.Port} is not visible to this user; pass --pid");
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var inodes = new HashSet<string>();
        foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (string line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != ListenState) continue;
                string localPort = fields[1][(fields[1].LastIndexOf(':') + 1)..];
                if (int.Parse(localPort, NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port) inodes.Add(fields[9]);
            }
        }
        return inodes;
    }

    private static bool IsLocal(string host) =>
        host is "localhost" || (IPAddress.TryParse(host, out var address) && (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)));
}
