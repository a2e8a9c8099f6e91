using FaceGuard.Cli.Commands;
using Spectre.Console.Cli;

namespace FaceGuard.Cli;

/// <summary>The commands of `faceguard`, shared by Program and the tests.</summary>
public static class CliApp
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("faceguard");
        // A mistyped option is an error, not a different experiment run with the defaults.
        config.UseStrictParsing();
        config.AddCommand<BlurCommand>("blur")
            .WithDescription("Find and mask every face in a photo or a folder of photos.")
            .WithExample("blur", "photo.jpg", "-o", "photo.blurred.jpg")
            .WithExample("blur", "holiday/", "-o", "holiday-blurred/", "--mode", "mosaic", "--json", "faces.json");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Run the HTTP service: POST /process with a multipart field 'image' returns the masked photo.")
            .WithExample("serve", "--urls", "http://127.0.0.1:8080");
        config.AddCommand<BenchCommand>("bench")
            .WithDescription("Load-test the embedded engine (default) or the service at a URL; write CSV logs and an HTML report.")
            .WithExample("bench")
            .WithExample("bench", "--target", "http://127.0.0.1:8080", "--requests", "200", "--concurrency", "2")
            .WithExample("bench", "--target", "http://127.0.0.1:8080", "--rate", "5", "--duration", "30");
        config.AddCommand<ReportCommand>("report")
            .WithDescription("Analyse a request log (ours or the classic performance_log.csv) into a self-contained HTML report.")
            .WithExample("report", "logs/run.csv", "--baseline", "logs/base.csv", "-o", "report.html");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription("Compare a run with a baseline: medians, p95, confidence intervals and a verdict.")
            .WithExample("compare", "logs/base.csv", "logs/run.csv");
        config.AddCommand<EvalCommand>("eval")
            .WithDescription("Measure detection precision and recall by face size on labelled photos.")
            .WithExample("eval", "--set", "data/images/synthetic");
    }
}
