using SdnDashboard.Core.Control;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of10;
using SdnDashboard.Core.OpenFlow.Of13;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>Flow-table inspection when the switch splits its answer, as Open vSwitch does for a table larger than one message.</summary>
public class FlowStatsPollTests
{
    [Theory]
    [InlineData(OfVersion.V13)]
    [InlineData(OfVersion.V10)]
    public async Task FlowStatsReply_SplitOverSeveralMessages_IsHeldWhole(byte version)
    {
        var app = new TestLearningSwitch();
        await using var harness = await ControllerHarness.StartAsync(new ControllerOptions { FlowStatsIntervalSeconds = 1 }, app);
        await using var sw = await FakeSwitch.ConnectAsync(harness.Endpoint, 0x51, version);
        await sw.ExpectAsync<FlowModMessage>();
        OfMatch Wire(PacketMatch m) => version == OfVersion.V13 ? Of13Translator.ToOxmMatch(m) : Of10Translator.ToOf10Match(m);
        sw.Flows = [.. Enumerable.Range(1, 7).Select(i => new FlowStatsEntry { Priority = (ushort)i, Match = Wire(new PacketMatch { InPort = (uint)i }) })];
        sw.FlowsPerReply = 3;

        var since = DateTimeOffset.UtcNow;
        await ControllerHarness.EventuallyAsync(() => harness.Registry.Get(0x51)?.LastStatsAt > since.AddMilliseconds(100), "a flow-stats poll", 5000);

        var view = harness.Registry.Get(0x51)!;
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (ushort)i), view.Flows.Select(f => f.Priority).Order());
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (uint?)i), view.Flows.OrderBy(f => f.Priority).Select(f => f.Match.InPort));
    }
}
