using System.Net.Sockets;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of10;
using SdnDashboard.Core.OpenFlow.Of13;
using SdnDashboard.Dashboard.Controller;
using static SdnDashboard.Tests.OpenFlow.TestPacketIns;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>The connection layer against scripted switches over loopback TCP.</summary>
public class OpenFlowServerTests
{
    private static readonly byte[] FrameAtoB = Frame(MacAddress.Parse("02:00:00:00:00:0b"), MacAddress.Parse("02:00:00:00:00:0a"));
    private static readonly byte[] FrameBtoA = Frame(MacAddress.Parse("02:00:00:00:00:0a"), MacAddress.Parse("02:00:00:00:00:0b"));

    [Theory]
    [InlineData(OfVersion.V13)]
    [InlineData(OfVersion.V10)]
    public async Task Handshake_ThenPacketIns_AppLearnsAndInstallsFlow(byte version)
    {
        var app = new TestLearningSwitch();
        await using var harness = await ControllerHarness.StartAsync(null, app);
        await using var sw = await FakeSwitch.ConnectAsync(harness.Endpoint, 0xabcdef, version);

        var tableMiss = await sw.ExpectAsync<FlowModMessage>();
        Assert.Equal((ushort)0, tableMiss.Priority);
        var connected = Assert.IsType<SwitchConnected>(app.Events[0]);
        Assert.Equal((0xabcdeful, version, 2), (connected.DatapathId, connected.Version, connected.Ports.Count));
        Assert.Equal("ofv-b", connected.Ports[1].Name);

        // A→B floods (B unknown); B→A installs a flow for port 2 → 1 that releases the buffered packet.
        await sw.SendAsync(PacketIn(version, 1, FrameAtoB, bufferId: 7));
        var flood = await sw.ExpectAsync<PacketOutMessage>();
        Assert.Equal(7u, flood.BufferId);
        Assert.Equal(version == OfVersion.V13 ? OfPorts.Flood : 0xfffbu, Assert.IsType<OfOutputAction>(Assert.Single(flood.Actions)).Port);
        await sw.SendAsync(PacketIn(version, 2, FrameBtoA, bufferId: 8));
        var flow = await sw.ExpectAsync<FlowModMessage>();
        Assert.Equal(8u, flow.BufferId);
        Assert.Equal(TestLearningSwitch.FlowPriority, flow.Priority);
        var match = sw.Dialect.ToPacketMatch(flow.Match);
        Assert.Equal((2u, MacAddress.Parse("02:00:00:00:00:0b"), MacAddress.Parse("02:00:00:00:00:0a")), (match.InPort!.Value, match.EthSrc!.Value, match.EthDst!.Value));
        Assert.Equal([new OutputAction(1, 0xffff)], sw.Dialect.ToFlowActions(flow.Instructions));

        await ControllerHarness.EventuallyAsync(() => harness.Statuses.Any(s => s is { Kind: "switch", Up: true, Source: "0000000000abcdef" }), "switch up on the bus");
        var view = harness.Registry.Get(0xabcdef);
        Assert.NotNull(view);
        Assert.True(view.Connected);
        Assert.Equal(version, view.Version);
        Assert.Equal(2, view.IntendedCount);
    }

    [Fact]
    public async Task Hello_NoCommonVersion_GetsHelloFailedAndIsClosed()
    {
        await using var harness = await ControllerHarness.StartAsync(null, new TestLearningSwitch());
        using var client = new TcpClient();
        await client.ConnectAsync(harness.Endpoint);
        var stream = client.GetStream();
        await stream.WriteAsync(WireAssert.Hex("03 00 00 08 00 00 00 09"));
        var received = new List<byte>();
        var buffer = new byte[1024];
        int n;
        using var timeout = new CancellationTokenSource(5000);
        while ((n = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        // Our hello (1.3 with bitmap), then an error of type HELLO_FAILED in the peer's version, then EOF.
        var bytes = received.ToArray();
        Assert.Equal(16, bytes[3]);
        var error = Assert.IsType<ErrorMessage>(Of13Codec.Read(bytes.AsMemory(16)));
        Assert.Equal((byte)3, bytes[16]);
        Assert.Equal((0, 0, 9u), (error.Type, error.Code, error.Xid));
    }

    [Fact]
    public async Task GarbageClient_IsDisconnected_OtherSwitchUnaffected()
    {
        var app = new TestLearningSwitch();
        await using var harness = await ControllerHarness.StartAsync(null, app);
        await using var good = await FakeSwitch.ConnectAsync(harness.Endpoint, 1, OfVersion.V13);
        await good.ExpectAsync<FlowModMessage>();

        using var junk = new TcpClient();
        await junk.ConnectAsync(harness.Endpoint);
        var stream = junk.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(5000);
        while (await stream.ReadAsync(buffer, timeout.Token) > 0)
        {
            // Drain our hello until the controller closes.
        }

        // A switch that sends a well-framed but malformed message keeps its connection (the message is dropped).
        await good.SendRawAsync(WireAssert.Hex("04 0e 00 10 00 00 00 05 00 00 00 00 00 00 00 00"));
        await good.SendAsync(PacketIn(OfVersion.V13, 1, FrameAtoB));
        await good.ExpectAsync<PacketOutMessage>();
        Assert.True(harness.Server.Statistics.Malformed >= 2);
        Assert.Equal([1ul], harness.Server.ConnectedDatapaths);
    }

    [Fact]
    public async Task SilentSwitch_IsDroppedAfterUnansweredEcho_LiveOneStays()
    {
        var app = new TestLearningSwitch();
        await using var harness = await ControllerHarness.StartAsync(new ControllerOptions { EchoIntervalSeconds = 1, FlowStatsIntervalSeconds = 0 }, app);
        await using var live = await FakeSwitch.ConnectAsync(harness.Endpoint, 1, OfVersion.V13);
        await using var dead = await FakeSwitch.ConnectAsync(harness.Endpoint, 2, OfVersion.V10);
        dead.AnswerEchoes = false;

        await dead.ExpectAsync<EchoRequestMessage>(timeoutMs: 3000);
        await dead.WaitClosedAsync(4000);
        await live.ExpectAsync<EchoRequestMessage>(timeoutMs: 3000);
        await ControllerHarness.EventuallyAsync(() => app.Events.OfType<SwitchDisconnected>().Any(d => d.DatapathId == 2), "dead switch disconnected");
        Assert.Contains("echo", app.Events.OfType<SwitchDisconnected>().Single().Reason, StringComparison.Ordinal);
        Assert.Equal([1ul], harness.Server.ConnectedDatapaths);
        await ControllerHarness.EventuallyAsync(() => harness.Statuses.Any(s => s is { Up: false, Source: "0000000000000002" }), "switch down on the bus");
    }

    [Fact]
    public async Task Reconnect_SameDatapath_AppsSeeDisconnectedThenConnectedAndReinstall()
    {
        var app = new TestLearningSwitch();
        await using var harness = await ControllerHarness.StartAsync(null, app);
        await using var first = await FakeSwitch.ConnectAsync(harness.Endpoint, 5, OfVersion.V13);
        await first.ExpectAsync<FlowModMessage>();

        // The switch comes back on a new connection while the old one still looks open.
        await using var second = await FakeSwitch.ConnectAsync(harness.Endpoint, 5, OfVersion.V13);
        await second.ExpectAsync<FlowModMessage>(f => f.Priority == 0);
        await first.WaitClosedAsync(3000);

        var kinds = app.Events.Select(e => e.GetType().Name).ToList();
        Assert.Equal(["SwitchConnected", "SwitchDisconnected", "SwitchConnected"], kinds);
        Assert.Equal([5ul], harness.Server.ConnectedDatapaths);
        Assert.True(harness.Registry.Get(5)!.Connected);
    }

    [Theory]
    [InlineData(OfVersion.V13)]
    [InlineData(OfVersion.V10)]
    public async Task FlowStatsPoll_FillsRegistryWithHeldMissingAndUnintendedFlows(byte version)
    {
        var app = new TestLearningSwitch();
        await using var harness = await ControllerHarness.StartAsync(new ControllerOptions { FlowStatsIntervalSeconds = 1 }, app);
        await using var sw = await FakeSwitch.ConnectAsync(harness.Endpoint, 9, version);
        await sw.ExpectAsync<FlowModMessage>();

        // The switch reports the table-miss flow the app installed plus one nobody sent.
        var stranger = new PacketMatch { EthType = 0x0806 };
        OfMatch Wire(PacketMatch m) => version == OfVersion.V13 ? Of13Translator.ToOxmMatch(m) : Of10Translator.ToOf10Match(m);
        IReadOnlyList<OfInstruction> Output(uint port) =>
            [new ApplyActionsInstruction([new OfOutputAction(version == OfVersion.V13 ? port : Of10Translator.ToWirePort(port), 0xffff)])];
        sw.Flows =
        [
            new FlowStatsEntry { Priority = 0, Match = Wire(PacketMatch.Any), Instructions = Output(OfPorts.Controller), PacketCount = 3, ByteCount = 180, DurationSeconds = 2 },
            new FlowStatsEntry { Priority = 7, Match = Wire(stranger), Instructions = Output(OfPorts.Normal), IdleTimeout = 5 },
        ];

        // Learn both hosts, so a flow is intended that the switch will not report.
        await sw.SendAsync(PacketIn(version, 1, FrameAtoB));
        await sw.SendAsync(PacketIn(version, 2, FrameBtoA));
        await sw.ExpectAsync<FlowModMessage>(f => f.Priority == TestLearningSwitch.FlowPriority);
        var requestedAt = DateTimeOffset.UtcNow;
        await ControllerHarness.EventuallyAsync(() => harness.Registry.Get(9)?.LastStatsAt > requestedAt.AddMilliseconds(100), "a flow-stats poll after the flow-mod", 5000);

        var view = harness.Registry.Get(9)!;
        Assert.Equal(2, view.Flows.Count);
        var miss = view.Flows.Single(f => f.Priority == 0);
        Assert.Equal((PacketMatch.Any, 3ul, 180ul), (miss.Match, miss.PacketCount, miss.ByteCount));
        Assert.Equal([new OutputAction(OfPorts.Controller, 0xffff)], miss.Actions);
        Assert.Equal(stranger, Assert.Single(view.PresentButUnintended).Match);
        var missing = Assert.Single(view.IntendedButMissing);
        Assert.Equal(TestLearningSwitch.FlowPriority, missing.Priority);
    }

    [Fact]
    public async Task CommandsForAnotherSwitch_AreRoutedByDatapathId()
    {
        var router = new CrossSwitchApp(target: 22);
        await using var harness = await ControllerHarness.StartAsync(null, router);
        await using var target = await FakeSwitch.ConnectAsync(harness.Endpoint, 22, OfVersion.V10);
        await ControllerHarness.EventuallyAsync(() => harness.Server.ConnectedDatapaths.Contains(22ul), "target connected");
        await using var source = await FakeSwitch.ConnectAsync(harness.Endpoint, 11, OfVersion.V13);
        var barrier = await target.ExpectAsync<BarrierRequestMessage>();
        Assert.Equal(OfVersion.V10, target.Version);
        Assert.NotEqual(0u, barrier.Xid);
    }

    /// <summary>On any switch connecting, sends a barrier to a fixed other switch.</summary>
    private sealed class CrossSwitchApp(ulong target) : IControllerApp
    {
        public int Order => 0;

        public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now) =>
            controllerEvent is SwitchConnected c && c.DatapathId != target ? [new BarrierCommand(target)] : [];
    }
}
