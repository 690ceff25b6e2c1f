using Bunit;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Pages;

namespace SdnDashboard.Tests.Components;

public sealed class FlowsPageTests : LivePageTestContext
{
    [Fact]
    public void WithoutSflow_SaysHowToExportIt()
    {
        var cut = Render<FlowsPage>();

        Assert.Contains("create sflow", cut.Find("[data-testid=flows-waiting]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTopFlowsWithVmNames_TopTalkers_AndLostSamples_Live()
    {
        Feed.Apply(Poll("compute1", Vm("compute1", "web-1")));
        var cut = Render<FlowsPage>();

        Traffic.Apply(new TrafficBatch
        {
            Collector = "c1", IntervalStart = DateTimeOffset.UtcNow, IntervalSeconds = 1, LostSamples = 3,
            TopFlows =
            [
                new FlowRate { SrcIp = "10.0.1.5", DstIp = "10.0.0.11", Protocol = 6, SrcPort = 40000, DstPort = 80, DstMac = "52:54:00:00:01:01", BytesPerSec = 2_000_000, Packets = 10 },
                new FlowRate { SrcIp = "10.0.1.6", DstIp = "10.0.0.99", Protocol = 17, SrcPort = 5000, DstPort = 53, BytesPerSec = 1_000, Packets = 1 },
            ],
        });

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(["2 MB/s", "1 kB/s"], cut.FindAll("[data-testid=flow-rate]").Select(e => e.TextContent).ToArray());
            Assert.Contains("10.0.0.11:80 (web-1)", cut.Find("[data-testid=flows-top]").TextContent, StringComparison.Ordinal);
            Assert.Contains("10.0.1.5", cut.Find("[data-testid=flows-talkers]").TextContent, StringComparison.Ordinal);
            Assert.Contains("3 samples were lost", cut.Find("[data-testid=flows-lost]").TextContent, StringComparison.Ordinal);
        });
    }
}
