using System.Diagnostics;

namespace SdnDashboard.Bench.Balancer;

/// <summary>Times a body several times and reports the median rate: the machine is shared and noisy.</summary>
internal static class Measure
{
    /// <summary>
    /// Calls <paramref name="prepare"/> for a fresh body (untimed), runs it once to warm up and then
    /// <paramref name="runs"/> times measured; each body performs <paramref name="operations"/> operations.
    /// Returns the median operations per second.
    /// </summary>
    public static double MedianRate(int operations, int runs, Func<Action> prepare)
    {
        // Long enough for tiered compilation to finish optimising the hot methods before anything is timed.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warmUp.Elapsed < TimeSpan.FromSeconds(1); i++)
        {
            prepare()();
        }

        Thread.Sleep(200);
        var rates = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var body = prepare();
            var stopwatch = Stopwatch.StartNew();
            body();
            stopwatch.Stop();
            rates.Add(operations / stopwatch.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return rates[rates.Count / 2];
    }
}
