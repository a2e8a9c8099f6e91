using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>One figure of a test, e.g. ("resident memory, early median", "182.4 MB").</summary>
public sealed record Figure(string Name, string Value);

/// <summary>What one reliability test did and saw, for artifacts/reliability.md.</summary>
/// <param name="Served">Requests answered 200 with a photo.</param>
/// <param name="FaultsSurvived">Faults the service was put through and came out of healthy: requests refused with 503 in
/// a burst, a SIGTERM, bad or mutated uploads.</param>
/// <param name="BadInputs">Bad or mutated uploads sent.</param>
/// <param name="Failures">Outcomes against the test's expectation (a 500, a failed request, a hang, a crash, growth).</param>
public sealed record TestFigures(
    string Test,
    string What,
    int Served,
    int FaultsSurvived,
    int BadInputs,
    int Failures,
    double DurationS,
    IReadOnlyList<Figure> Figures)
{
    public DateTimeOffset RecordedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// Collects each test's figures in artifacts/reliability.json and renders the whole of it as artifacts/reliability.md,
/// which scripts/reliability.sh prints. A test records its figures before it asserts, so a failing run is described too.
/// </summary>
internal static class ReliabilityReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly Lock Gate = new();

    public static string JsonPath => Repo.Artifacts("reliability.json");

    public static string MarkdownPath => Repo.Artifacts("reliability.md");

    public static void Record(TestFigures figures)
    {
        lock (Gate)
        {
            var all = Read().Where(f => f.Test != figures.Test).Append(figures).OrderBy(f => Order(f.Test)).ToList();
            File.WriteAllText(JsonPath, JsonSerializer.Serialize(all, Json));
            File.WriteAllText(MarkdownPath, Markdown(all));
        }
    }

    internal static string Markdown(IReadOnlyList<TestFigures> all)
    {
        var md = new StringBuilder();
        md.AppendLine("# FaceGuard reliability");
        md.AppendLine();
        md.AppendLine(Invariant($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}. Recorded {all.Max(f => f.RecordedAt):yyyy-MM-dd HH:mm} UTC."));
        md.AppendLine();
        md.AppendLine("| Test | What was done | Served (200) | Faults survived | Bad inputs | Failures | Time (s) |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var f in all)
            md.AppendLine(Invariant($"| {f.Test} | {f.What} | {f.Served:#,0} | {f.FaultsSurvived:#,0} | {f.BadInputs:#,0} | {f.Failures:#,0} | {f.DurationS:0} |"));
        md.AppendLine(Invariant($"| **Total** | | **{all.Sum(f => f.Served):#,0}** | **{all.Sum(f => f.FaultsSurvived):#,0}** | **{all.Sum(f => f.BadInputs):#,0}** | **{all.Sum(f => f.Failures):#,0}** | **{all.Sum(f => f.DurationS):0}** |"));
        foreach (var f in all.Where(f => f.Figures.Count > 0))
        {
            md.AppendLine();
            md.AppendLine($"**{f.Test}**");
            md.AppendLine();
            foreach (var figure in f.Figures) md.AppendLine($"- {figure.Name}: {figure.Value}");
        }
        return md.ToString();
    }

    private static List<TestFigures> Read()
    {
        if (!File.Exists(JsonPath)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<TestFigures>>(File.ReadAllText(JsonPath), Json) ?? [];
        }
        catch (JsonException)
        {
            return []; // a file from an older layout: start again
        }
    }

    private static int Order(string test) => Array.FindIndex(TestOrder, t => test.StartsWith(t, StringComparison.Ordinal)) is var i and >= 0 ? i : TestOrder.Length;

    private static readonly string[] TestOrder = ["Soak", "Overload", "Concurrency", "Graceful shutdown", "Bad input corpus", "Fuzzing"];

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>+1.3, -0.8, 0.0: a sign always, and no "-0.0".</summary>
    public static string Signed(double value, int decimals)
    {
        double rounded = Math.Round(value, decimals) + 0.0; // -0.0 + 0.0 is +0.0
        string digits = "0." + new string('0', decimals);
        return rounded.ToString($"+{digits};-{digits};{digits}", CultureInfo.InvariantCulture);
    }

    /// <summary>A share as a signed percentage: 0.013 → "+1.3 %".</summary>
    public static string Percent(double share) => Signed(share * 100, 1) + " %";
}
