using System.Diagnostics;
using System.Globalization;

namespace FaceGuard.Analysis.Sampling;

/// <summary>CPU time, resident memory and threads of one process: /proc on Linux, the Process API elsewhere.</summary>
internal static class ProcessReader
{
    /// <summary>USER_HZ: /proc/[pid]/stat counts CPU time in these ticks; 100 on every Linux ABI .NET runs on.</summary>
    private const double ClockTicksPerSecond = 100;

    public readonly record struct Reading(TimeSpan CpuTime, double MemoryMb, int Threads);

    public static bool Exists(int pid) => OperatingSystem.IsLinux() ? Directory.Exists($"/proc/{pid}") : TryProcess(pid) is not null;

    /// <summary>Null when the process is gone.</summary>
    public static Reading? Read(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            using var process = TryProcess(pid);
            if (process is null) return null;
            process.Refresh();
            return new Reading(process.TotalProcessorTime, process.WorkingSet64 / (1024.0 * 1024), process.Threads.Count);
        }

        try
        {
            // /proc/[pid]/stat: the command name (field 2) may contain spaces, so count fields after its closing ')'.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime + stime
            double rssKb = 0;
            int threads = 0;
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rssKb = double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = int.Parse(line[8..].Trim(), CultureInfo.InvariantCulture);
            }
            return new Reading(TimeSpan.FromSeconds(ticks / ClockTicksPerSecond), rssKb / 1024, threads);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string? Name(int pid)
    {
        try
        {
            return OperatingSystem.IsLinux()
                ? File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()
                : TryProcess(pid)?.ProcessName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Process? TryProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
