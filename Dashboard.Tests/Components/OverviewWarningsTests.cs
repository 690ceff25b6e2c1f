using Bunit;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Pages;

namespace SdnDashboard.Tests.Components;

/// <summary>The Overview's lost-sample warning: sFlow sequence gaps make the traffic figures an underestimate.</summary>
public sealed class OverviewWarningsTests : LivePageTestContext
{
    [Fact]
    public void LostSflowSamples_AreWarnedAbout_WithTheCount_AtTheNextUpdate()
    {
        Feed.Apply(Poll("compute1", Vm("compute1", "a")));
        var cut = Render<Overview>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=stat-nodes]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=overview-lost-samples]"));

        Traffic.Apply(new TrafficBatch { Collector = "compute1", IntervalStart = DateTimeOffset.UtcNow, IntervalSeconds = 1, Samples = 40, LostSamples = 7 });
        Feed.Apply(Poll("compute1", Vm("compute1", "a")));

        cut.WaitForAssertion(() => Assert.Contains("sFlow lost 7 samples", cut.Find("[data-testid=overview-lost-samples]").TextContent, StringComparison.Ordinal));
    }
}
