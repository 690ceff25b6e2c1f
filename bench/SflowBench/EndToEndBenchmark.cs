namespace SdnDashboard.Bench.Sflow;

internal static class EndToEndBenchmark
{
    public static Task RunAsync(string[] args) => Task.CompletedTask;
}
