using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FaceGuard.Service;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaceGuard.Notebooks.Tests;

/// <summary>
/// Every notebook, run headlessly in the kernel VS Code uses (dotnet-repl) against the freshly packed feed: no cell may
/// fail, and the outputs must hold the tables and charts the notebook is for, drawn offline.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebookTests(NotebookFeed feed)
{
    private const string PlotlyJsMarker = "data-faceguard-plotlyjs";
    /// <summary>How each chart output draws (plotly.js itself never writes it with the quote).</summary>
    private const string NewPlot = "Plotly.newPlot('";
    private const string DescribeTable = "<table class=\"fg-describe\">";

    private static readonly string[] NotebookNames = ["01-collect.ipynb", "02-analyze.ipynb", "03-compare.ipynb", "04-accuracy.ipynb"];

    public static TheoryData<string> Notebooks => new(NotebookNames);

    [Fact]
    public void Every_notebook_in_the_folder_is_one_these_tests_run() =>
        Assert.Equal(NotebookNames, Directory.GetFiles(Repo.Notebooks, "*.ipynb").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_is_committed_without_outputs_with_polyglot_metadata_and_its_settings_first(string name)
    {
        var notebook = ExecutedNotebook.Load(Path.Combine(Repo.Notebooks, name));
        Assert.Equal("markdown", notebook.Cells[0].Kind);
        Assert.Contains("Edit the Settings cell (the first code cell)", notebook.Cells[0].Source);
        Assert.All(notebook.Cells, cell => Assert.Empty(cell.Html.Concat(cell.Plain).Concat(cell.Errors)));
        var settings = notebook.CodeCells.First().Source;
        Assert.StartsWith("// Settings: edit this cell", settings);
        Assert.StartsWith("#r \"nuget: FaceGuard.Analysis, 0.1.0-dev.*\"", notebook.CodeCells.ElementAt(1).Source);

        // Every setting is read in the Settings cell, from an environment variable its comment names, and nowhere else.
        var settingNames = Regex.Matches(settings, "(?:Setting|Number)\\(\"(FACEGUARD_[A-Z_]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(settingNames);
        Assert.All(notebook.CodeCells.Skip(1), cell => Assert.DoesNotContain("FACEGUARD_", cell.Source));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Notebooks, name)));
        var metadata = json.RootElement.GetProperty("metadata");
        Assert.Equal(".net-csharp", metadata.GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.Equal("polyglot-notebook", metadata.GetProperty("language_info").GetProperty("name").GetString());
        Assert.Equal("csharp", metadata.GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());
        foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            Assert.Equal("csharp", cell.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelName").GetString());
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_reads_as_an_analysis_text_before_each_step_and_a_reading_at_the_end(string name)
    {
        var cells = ExecutedNotebook.Load(Path.Combine(Repo.Notebooks, name)).Cells;

        // After the settings and the package cells, no more than two code cells (a table and its verdicts) go without a
        // word on what they show.
        int codeInARow = 0;
        foreach (var cell in cells.SkipWhile(c => !c.Source.StartsWith("#r ", StringComparison.Ordinal)).Skip(1))
        {
            codeInARow = cell.Kind == "code" ? codeInARow + 1 : 0;
            Assert.True(codeInARow <= 2, $"{name}: cell {cell.Index + 1} is the third code cell in a row without text:\n{cell.Source}");
        }

        Assert.True(cells.Count(c => c.Kind == "markdown") >= 5, $"{name} has fewer than five text cells.");
        Assert.Contains(cells, c => c.Kind == "markdown" && c.Source.StartsWith("## Reading", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_runs_a_load_test_on_the_embedded_engine_and_saves_the_log()
    {
        // The notebook writes to data/logs/; its log-folder setting sends the test's log to a folder of its own, so that
        // a test run never adds logs to the repository.
        var logs = Path.Combine(Repo.TestOutput, "logs");
        var repoLogs = Path.Combine(Repo.Root, "data", "logs");
        var before = Files(repoLogs);

        var notebook = await ExecutedNotebook.RunAsync(Path.Combine(Repo.Notebooks, "01-collect.ipynb"), Path.Combine(Repo.TestOutput, "01-collect.ipynb"),
            new Dictionary<string, string> { ["FACEGUARD_LOG_FOLDER"] = logs });

        AssertCollected(notebook, logs);
        Assert.Equal(before, Files(repoLogs));
    }

    [Fact]
    public async Task Collect_with_Locust_sends_through_two_workers_to_the_real_service_and_saves_their_rows()
    {
        var logs = Path.Combine(Repo.TestOutput, "logs-locust");
        if (Directory.Exists(logs)) Directory.Delete(logs, recursive: true);
        var app = FaceGuardService.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        await using var _ = app;
        await app.Services.GetRequiredService<Readiness>().WhenReady.WaitAsync(TimeSpan.FromMinutes(2));
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        var notebook = await ExecutedNotebook.RunAsync(Path.Combine(Repo.Notebooks, "01-collect.ipynb"), Path.Combine(Repo.TestOutput, "01-collect.locust.ipynb"),
            new Dictionary<string, string>
            {
                ["FACEGUARD_LOG_FOLDER"] = logs,
                ["FACEGUARD_SERVICE_URL"] = address,
                ["FACEGUARD_ENGINE"] = "locust",
                ["FACEGUARD_LOCUST_WORKERS"] = "2",
                ["FACEGUARD_CONCURRENCY"] = "2",
                ["FACEGUARD_DURATION"] = "4",
                ["FACEGUARD_PHOTOS"] = FaceGuard.Testing.RepositoryFiles.Photo("messi5.jpg"),
            });

        AssertLoadedThisBuild(notebook);
        Assert.Contains("sent by Locust (2 workers, 2 users)", string.Concat(notebook.CellContaining("RunFiles.Save").Plain));
        var log = Assert.Single(Directory.GetFiles(logs, "*.csv"), f => !f.EndsWith(".resources.csv", StringComparison.Ordinal));
        var lines = File.ReadAllLines(log);
        Assert.StartsWith("Timestamp,Request_ID,Latency_ms,CPU_Percent,Memory_MB", lines[0]);
        Assert.True(lines.Length > 1 + 2, $"{lines.Length - 1} rows: no more than the warm-up");
        Assert.DoesNotContain(lines, l => l.Contains(",Failed,", StringComparison.Ordinal));
        int worker = Array.IndexOf(lines[0].Split(','), "Worker");
        Assert.True(worker >= 0, lines[0]);
        Assert.Equal(2, lines.Skip(1).Select(l => l.Split(',')[worker]).Distinct().Count());
        Assert.Contains(DescribeTable, notebook.CellContaining("RunAnalysis.Of(run)").AllHtml);
    }

    [Fact]
    public async Task Analyze_explores_the_frame_shows_the_describe_table_the_verdicts_and_seven_offline_charts()
    {
        var notebook = await ExecutedNotebook.RunAsync(Path.Combine(Repo.Notebooks, "02-analyze.ipynb"), Path.Combine(Repo.TestOutput, "02-analyze.ipynb"),
            new Dictionary<string, string> { ["FACEGUARD_LOG"] = SampleRun });

        AssertAnalyzed(notebook);
    }

    [Fact]
    public async Task Analyze_runs_every_cell_on_a_classic_five_column_log_and_says_what_it_lacks()
    {
        var notebook = await ExecutedNotebook.RunAsync(Path.Combine(Repo.Notebooks, "02-analyze.ipynb"), Path.Combine(Repo.TestOutput, "02-analyze.classic.ipynb"),
            new Dictionary<string, string> { ["FACEGUARD_LOG"] = ClassicLog });

        AssertLoadedThisBuild(notebook);
        Assert.Contains("classic_performance_log.csv: 40 rows; no manifest", string.Concat(notebook.CellContaining("requests.Head(5)").Plain));
        Assert.Contains("1 of 40 measured requests failed", string.Concat(notebook.CellContaining("WarmupPhase").Plain));
        Assert.Contains("nothing to group", string.Concat(notebook.CellContaining("var images").Plain));
        Assert.Contains("This log has no stage timings", string.Concat(notebook.CellContaining("var slowest").Plain));
        Assert.Contains(DescribeTable, notebook.CellContaining("RunAnalysis.Of(run, thresholds)").AllHtml);
        Assert.Contains(NewPlot, notebook.CellContaining("LatencyTrendChart.Create").AllHtml);
    }

    [Fact]
    public async Task Compare_shows_the_statistical_verdict_and_the_overlaid_distributions()
    {
        var notebook = await ExecutedNotebook.RunAsync(Path.Combine(Repo.Notebooks, "03-compare.ipynb"), Path.Combine(Repo.TestOutput, "03-compare.ipynb"));

        AssertCompared(notebook);
    }

    [Fact]
    public async Task Accuracy_shows_recall_by_face_size_and_before_after_thumbnails()
    {
        var notebook = await ExecutedNotebook.RunAsync(Path.Combine(Repo.Notebooks, "04-accuracy.ipynb"), Path.Combine(Repo.TestOutput, "04-accuracy.ipynb"));

        AssertMeasuredAccuracy(notebook);
    }

    /// <summary>The route that outlives the Polyglot extension: the same notebooks in the Jupyter kernel, with the same outputs.</summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_notebook_runs_in_the_Jupyter_kernel_with_the_same_outputs(string name)
    {
        var logs = Path.Combine(Repo.TestOutput, "jupyter-logs");
        var notebook = await ExecutedNotebook.RunInJupyterAsync(Path.Combine(Repo.Notebooks, name), Path.Combine(Repo.TestOutput, "jupyter-out", name),
            feed.JupyterDataDir, new Dictionary<string, string> { ["FACEGUARD_LOG_FOLDER"] = logs, ["FACEGUARD_LOG"] = SampleRun });

        switch (name)
        {
            case "01-collect.ipynb": AssertCollected(notebook, logs); break;
            case "02-analyze.ipynb": AssertAnalyzed(notebook); break;
            case "03-compare.ipynb": AssertCompared(notebook); break;
            case "04-accuracy.ipynb": AssertMeasuredAccuracy(notebook); break;
            default: Assert.Fail($"No assertions for {name}."); break;
        }

        // Under Jupyter the kernel would add a script that looks for its HTTP API; the kernelspec keeps that on loopback.
        Assert.DoesNotContain("http://192.", notebook.AllHtml);
    }

    private static string SampleRun => Path.Combine(Repo.Root, "data", "logs", "samples", "sample-run.csv");

    private static string ClassicLog => Path.Combine(Repo.Root, "data", "logs", "samples", "classic_performance_log.csv");

    private void AssertCollected(ExecutedNotebook notebook, string logs)
    {
        AssertLoadedThisBuild(notebook);
        var log = Assert.Single(Directory.GetFiles(logs, "*.csv"), f => !f.EndsWith(".resources.csv", StringComparison.Ordinal));
        Assert.StartsWith("Timestamp,Request_ID,Latency_ms,CPU_Percent,Memory_MB", File.ReadLines(log).First());
        Assert.Equal(1 + 2 + 12, File.ReadLines(log).Count()); // header, warm-up, measured
        Assert.Contains(log, string.Concat(notebook.CellContaining("RunFiles.Save").Plain));
        Assert.Contains(DescribeTable, notebook.CellContaining("RunAnalysis.Of(run)").AllHtml);
        Assert.Contains("<ul class=\"fg-verdicts\">", notebook.Cell("analysis.Verdicts").AllHtml);
    }

    private void AssertAnalyzed(ExecutedNotebook notebook)
    {
        AssertLoadedThisBuild(notebook);
        var frame = notebook.CellContaining("requests.Head(5)").AllHtml;
        Assert.Contains("<th>Latency_ms</th>", frame);
        Assert.Contains("<th>CPU_Percent</th>", frame);
        Assert.Contains("2 warm-up rows dropped; 0 of 30 measured requests failed.", string.Concat(notebook.CellContaining("WarmupPhase").Plain));
        var describe = notebook.CellContaining("RunAnalysis.Of(run, thresholds)").AllHtml;
        Assert.Contains(DescribeTable, describe);
        Assert.Contains("<th>p95</th>", describe);
        Assert.Contains("Latency outside 200–400 ms", describe);
        Assert.Matches("<li class=\"(ok|warning|alert)\"><span class=\"badge\">", notebook.Cell("analysis.Verdicts").AllHtml);
        // The exploration cells: per photo (17 sample photos), the slowest requests with their stages, the windows.
        var perImage = notebook.CellContaining("var images").AllHtml;
        Assert.Contains("p95_ms", perImage);
        Assert.Contains("sample2.jpg", perImage);
        Assert.Contains("Detect_ms", notebook.CellContaining("var slowest").AllHtml);
        foreach (var chart in new[] { "LatencyTrendChart", "MemoryTrendChart", "LatencyHistogramChart", "LatencyPercentileChart", "StageBreakdownChart" })
        {
            Assert.Contains(NewPlot, notebook.CellContaining(chart + ".Create").AllHtml);
        }

        Assert.Contains(NewPlot, notebook.CellContaining("var windows").AllHtml);
        Assert.Contains(NewPlot, notebook.CellContaining("Latency against faces found").AllHtml);
        AssertChartsOffline(notebook, charts: 7);
    }

    private void AssertCompared(ExecutedNotebook notebook)
    {
        AssertLoadedThisBuild(notebook);
        var comparison = notebook.CellContaining("RunComparison.Of(baseline, current)").AllHtml;
        Assert.Contains("<table class=\"fg-comparison\">", comparison);
        // The samples: the engine at High sensitivity against Normal, several times slower.
        Assert.Contains("Current is slower", comparison);
        Assert.Contains(NewPlot, notebook.CellContaining("ComparisonChart.Create").AllHtml);
        Assert.Contains("Ratio", notebook.CellContaining("var photos").AllHtml);
        Assert.Contains("sample-normal", notebook.CellContaining("Facts(baseline)").AllHtml);
        Assert.Contains(DescribeTable, notebook.CellContaining("RunAnalysis.Of(current)").AllHtml);
        AssertChartsOffline(notebook, charts: 1);
    }

    private void AssertMeasuredAccuracy(ExecutedNotebook notebook)
    {
        AssertLoadedThisBuild(notebook);
        var report = notebook.CellContaining("var report = DetectionEvaluation.Run").AllHtml;
        Assert.Contains("<table class=\"fg-recall-by-size\">", report);
        foreach (var bucket in new[] { "&lt; 32 px", "32-96 px", "&gt; 96 px" }) Assert.Contains(bucket, report);
        Assert.Contains("<table class=\"fg-recall-by-set\">", report);
        var gallery = notebook.CellContaining("Gallery.Of").AllHtml;
        Assert.Contains("class=\"fg-gallery\"", gallery);
        // Photos with faces, each before and after: 10 real (6 group photos, astronaut, camera, messi5, scenetext01),
        // 12 synthetic, 19 held-out and the benchmark group photo.
        Assert.Equal(2 * 42, gallery.Occurrences("<img src=\"data:image/jpeg;base64,"));
        var detectors = notebook.CellContaining("var compared").AllHtml; // the default run and FACEGUARD_COMPARE's default
        foreach (var detector in new[] { "YuNet, Normal", "BlazeFace, Normal" }) Assert.Contains(detector, detectors);
        Assert.DoesNotContain(PlotlyJsMarker, notebook.AllHtml);
    }

    [Fact]
    public async Task A_failing_cell_fails_the_run_with_the_cell_and_its_error()
    {
        var broken = Path.Combine(Repo.TestOutput, "broken.ipynb");
        await File.WriteAllTextAsync(broken, NotebookOf(
            "#r \"nuget: FaceGuard.Analysis, 0.1.0-dev.*\"",
            "var run = FaceGuard.Analysis.Logs.RunFiles.Load(\"../data/logs/no-such-log.csv\");",
            "\"a later cell still runs\""));

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => ExecutedNotebook.RunAsync(broken, Path.Combine(Repo.TestOutput, "broken.out.ipynb")));

        Assert.Contains("dotnet-repl exit code 2", failure.Message);
        Assert.Contains("cell 2 failed", failure.Message);
        Assert.Contains("RunFiles.Load(", failure.Message);
        Assert.Contains("no-such-log.csv", failure.Message);
        Assert.DoesNotContain("cell 3 failed", failure.Message);
    }

    /// <summary>The float "0.1.0-dev.*" picked the build this test run packed, and the package cell says so.</summary>
    private void AssertLoadedThisBuild(ExecutedNotebook notebook)
    {
        var load = notebook.CellContaining("#r \"nuget: FaceGuard.Analysis").AllHtml;
        Assert.Contains($"FaceGuard.Analysis {feed.Version}</b> built ", load);
    }

    private static void AssertChartsOffline(ExecutedNotebook notebook, int charts)
    {
        var html = notebook.AllHtml;
        Assert.Equal(charts, html.Occurrences(NewPlot));
        Assert.Equal(1, html.Occurrences(PlotlyJsMarker));
        Assert.Contains("plotly.js v", html);
        Assert.DoesNotContain("<script src=\"http", html);
        // plotly.js comes before the first chart that needs it.
        Assert.True(html.IndexOf(PlotlyJsMarker, StringComparison.Ordinal) < html.IndexOf(NewPlot, StringComparison.Ordinal));
    }

    private static string NotebookOf(params string[] codeCells) => new JsonObject
    {
        ["cells"] = new JsonArray(codeCells.Select(code => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            ["outputs"] = new JsonArray(),
            ["source"] = code,
        }).ToArray()),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    }.ToJsonString();

    private static string[] Files(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [];
}
