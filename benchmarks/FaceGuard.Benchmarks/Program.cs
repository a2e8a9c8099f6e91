using FaceGuard.Benchmarks;
using FaceGuard.Engine;

// dotnet run -c Release --project benchmarks/FaceGuard.Benchmarks -- <verb> [arguments]
//   stages [iterations]              ms per stage (decode, detect, blur, encode), 1080p and 12 MP, per sensitivity
//   service [requests]               the service over HTTP against the engine alone: requests/s, p50/p99, resident memory
//   generator [seconds] [connections] our load generator against wrk on a trivial loopback endpoint
//   engines [seconds] [users]        our runner, Locust with 1 and 2 workers, and wrk against the same service (needs python3-locust, wrk)
//   csv [rows]                        writing and loading a request log of that many rows (default 1,000,000)
// The same allocator settings as the service and the CLI, so the engine measured here is the engine they run.
NativeMemory.LimitFragmentation();
string verb = args.Length > 0 ? args[0] : "stages";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;
switch (verb)
{
    case "stages":
        StageBenchmark.Run(Arg(1, 10));
        break;
    case "service":
        await ServiceBenchmark.RunAsync(Arg(1, 60));
        break;
    case "generator":
        await GeneratorBenchmark.RunAsync(Arg(1, 10), Arg(2, 8));
        break;
    case "engines":
        await EngineBenchmark.RunAsync(Arg(1, 20), Arg(2, 4));
        break;
    case "trivial-server":
        await TrivialServer.RunAsync(Arg(1, 0));
        break;
    case "csv":
        CsvBenchmark.Run(Arg(1, 1_000_000));
        break;
    default:
        Console.Error.WriteLine("usage: FaceGuard.Benchmarks stages|service|generator|engines|csv [arguments]");
        return 2;
}
return 0;
