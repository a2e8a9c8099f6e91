using FaceGuard.Benchmarks;

// dotnet run -c Release --project benchmarks/FaceGuard.Benchmarks -- stages [iterations]
string verb = args.Length > 0 ? args[0] : "stages";
switch (verb)
{
    case "stages":
        StageBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 10);
        break;
    default:
        Console.Error.WriteLine("usage: FaceGuard.Benchmarks stages [iterations]");
        return 2;
}
return 0;
