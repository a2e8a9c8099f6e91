using System.ComponentModel;
using FaceGuard.Service;
using Spectre.Console.Cli;

namespace FaceGuard.Cli.Commands;

public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen. Loopback only by default; use http://0.0.0.0:8080 to accept other machines (set --api-key then).")]
        [DefaultValue(ServiceOptions.DefaultUrls)]
        public string Urls { get; init; } = ServiceOptions.DefaultUrls;

        [CommandOption("--max-concurrency <N>")]
        [Description("Photos processed at once. Default: the number of cores.")]
        public int? MaxConcurrency { get; init; }

        [CommandOption("--queue <N>")]
        [Description("Requests that may wait for a slot before the service answers 503. Default: twice the cores.")]
        public int? Queue { get; init; }

        [CommandOption("--api-key <KEY>")]
        [Description("Require this key in the X-Api-Key header of image requests.")]
        public string? ApiKey { get; init; }

        [CommandOption("--cache-mb <MB>")]
        [Description("Keep up to this many MB of results in memory for repeated uploads (off by default: privacy).")]
        public int? CacheMb { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var args = new List<string> { "--urls", settings.Urls };
        if (settings.MaxConcurrency is { } concurrency) args.Add($"--FaceGuard:MaxConcurrency={concurrency}");
        if (settings.Queue is { } queue) args.Add($"--FaceGuard:QueueLimit={queue}");
        if (settings.ApiKey is { } key) args.Add($"--FaceGuard:ApiKey={key}");
        if (settings.CacheMb is { } cache) args.Add($"--FaceGuard:CacheBytes={cache * 1024L * 1024}");

        var app = FaceGuardService.Build([.. args]);
        await app.RunAsync(); // the host handles Ctrl+C and SIGTERM: in-flight requests finish, new ones are refused
        return 0;
    }
}
