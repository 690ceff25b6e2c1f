using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Components.Pages;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Tests.Components;

/// <summary>
/// Live pages say when their data is stale, also while nothing new arrives: a collector that stops reporting
/// sends no change that would re-render the page. The pages read a clock moved past the stale limit.
/// </summary>
public sealed class StalenessTests : LivePageTestContext
{
    private readonly ShiftedClock _clock = new();

    public StalenessTests() => Services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public void Overview_TurnsStale_WhenReportsStop_WithoutANewPoll()
    {
        Feed.Apply(Poll("compute1", Vm("compute1", "a")));
        var cut = Render<Overview>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=stat-nodes]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=overview-stale]"));

        _clock.Offset = ClusterFeed.StaleAfter + TimeSpan.FromSeconds(5);

        cut.WaitForAssertion(() => Assert.Matches("No report for 3[5-9] s", cut.Find("[data-testid=overview-stale]").TextContent));
    }

    [Fact]
    public void Nodes_TurnsStale_WhenReportsStop_AndClearsWhenAReportArrives()
    {
        Feed.Apply(Poll("compute1", Vm("compute1", "a")));
        var cut = Render<Nodes>();
        _clock.Offset = TimeSpan.FromMinutes(2);

        cut.WaitForAssertion(() => Assert.Contains("No report for 2 min", cut.Find("[data-testid=nodes-stale]").TextContent, StringComparison.Ordinal));

        _clock.Offset = TimeSpan.Zero;
        Feed.Apply(Poll("compute1", Vm("compute1", "a")));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=nodes-stale]")));
    }

    [Fact]
    public void Flows_TurnsStale_WhenSflowStops()
    {
        Traffic.Apply(new TrafficBatch
        {
            Collector = "compute1",
            IntervalStart = DateTimeOffset.UtcNow,
            IntervalSeconds = 1,
            TopFlows = [new FlowRate { SrcIp = "10.0.0.11", DstIp = "10.0.0.50", Protocol = 6, Bytes = 100, BytesPerSec = 100 }],
        });
        var cut = Render<FlowsPage>();
        cut.WaitForAssertion(() => Assert.Contains("10.0.0.50", cut.Find("[data-testid=flows-top]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=flows-stale]"));

        _clock.Offset = TrafficFeed.StaleAfter + TimeSpan.FromSeconds(5);

        cut.WaitForAssertion(() => Assert.Contains("out of date", cut.Find("[data-testid=flows-stale]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Banner_ReChecksOnItsOwn_EvenWhenItsPageNeverRendersAgain()
    {
        var cut = Render<StaleBanner>(p => p
            .Add(b => b.UpdatedAt, _clock.GetUtcNow())
            .Add(b => b.StaleAfter, TimeSpan.FromSeconds(10))
            .Add(b => b.TestIdPrefix, "x"));
        Assert.Empty(cut.FindAll("[data-testid=x-stale]"));

        _clock.Offset = TimeSpan.FromSeconds(11);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=x-stale]")));
    }

    [Fact]
    public async Task Banner_DoesNotReRender_WhileWhatItShowsStaysTheSame()
    {
        var cut = Render<StaleBanner>(p => p
            .Add(b => b.UpdatedAt, _clock.GetUtcNow())
            .Add(b => b.StaleAfter, TimeSpan.FromSeconds(10))
            .Add(b => b.TestIdPrefix, "x"));

        // Two of its once-a-second re-checks and a newer report from its page: still fresh, nothing to send.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        cut.Render(p => p.Add(b => b.UpdatedAt, _clock.GetUtcNow()));
        Assert.Equal(1, cut.RenderCount);

        _clock.Offset = TimeSpan.FromSeconds(11);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=x-stale]")));
        Assert.True(cut.RenderCount >= 2, $"rendered {cut.RenderCount} times");
    }
}
