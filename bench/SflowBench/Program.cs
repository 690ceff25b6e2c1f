using SdnDashboard.Bench.Sflow;

// dotnet run -c Release --project bench/SflowBench -- [decode|e2e|all]
var mode = args.Length > 0 ? args[0] : "all";
var root = FindRepoRoot();
Console.WriteLine($"SflowBench {mode}: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:u}");
if (mode is "decode" or "all")
{
    DecodeBenchmark.Run(BenchDatagrams.Mix(root), runs: 7, runLength: TimeSpan.FromSeconds(1));
}

if (mode is "e2e" or "all")
{
    await EndToEndBenchmark.RunAsync(args.Length > 1 ? args[1..] : []);
}

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SdnDashboard.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}
