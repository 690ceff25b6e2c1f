using SdnDashboard.Dashboard.Components.Pages;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Tests.Components;

/// <summary>The Overview's traffic chart: one copy of its points per snapshot for every circuit, thinned to the chart's step.</summary>
public sealed class OverviewChartSeriesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachStepKeepsItsLastPoint_AndTheNewestIsKept()
    {
        // Ten collectors reporting every 2 s: one point every 200 ms for 10.1 s.
        var snapshot = Snapshot(Enumerable.Range(0, 51).Select(i => T0.AddMilliseconds(200 * i)));

        var series = Overview.TrafficSeries(snapshot);

        Assert.Equal(["In", "Out"], series.Select(s => s.Name).ToArray());
        var kept = series[0].Points.Select(p => (p.X - T0).TotalMilliseconds).ToArray();
        Assert.Equal([1800, 3800, 5800, 7800, 9800, 10000], kept);
        Assert.Equal(series[0].Points.Select(p => p.X), series[1].Points.Select(p => p.X));
        Assert.Equal(10_000 + 1, series[0].Points[^1].Y);
        Assert.Equal(2 * (10_000 + 1), series[1].Points[^1].Y);

        // One more report: the step of 10.0 s now ends at 10.2 s, and the points before stay the same.
        var slid = Snapshot(Enumerable.Range(5, 47).Select(i => T0.AddMilliseconds(200 * i)));
        Assert.Equal([1800, 3800, 5800, 7800, 9800, 10200], Overview.TrafficSeries(slid)[0].Points.Select(p => (p.X - T0).TotalMilliseconds).ToArray());
    }

    [Fact]
    public void TheSameSnapshot_GivesEveryCircuitTheSameSeries_AndANewOneNewSeries()
    {
        var first = Snapshot([T0, T0.AddSeconds(2)]);
        var second = first with { Traffic = first.Traffic.Add(new TrafficPoint(T0.AddSeconds(4), 3, 6)) };

        Assert.Same(Overview.TrafficSeries(first), Overview.TrafficSeries(first));
        var next = Overview.TrafficSeries(second);
        Assert.Equal(3, next[0].Points.Count);
    }

    private static ClusterSnapshot Snapshot(IEnumerable<DateTimeOffset> times) => new()
    {
        Traffic = [.. times.Select(t => new TrafficPoint(t, (t - T0).TotalMilliseconds + 1, 2 * ((t - T0).TotalMilliseconds + 1)))],
    };
}
