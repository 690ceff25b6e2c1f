using System.Net.Sockets;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of13;
using SdnDashboard.Dashboard.Controller;
using SdnDashboard.Tests.OpenFlow;
using static SdnDashboard.Tests.OpenFlow.TestPacketIns;

namespace SdnDashboard.Tests.Controller;

/// <summary>
/// Plain-TCP switches served by the controller's epoll thread (<c>Controller:PollLoop</c>, the default) and, for
/// the guarantees both paths owe, by .NET's async sockets: one thread serves every switch, so a switch that stops
/// reading, sends garbage or splits its messages anywhere must never hold up or hurt the others.
/// </summary>
public sealed class PollLoopTests
{
    private static readonly MacAddress HostA = MacAddress.Parse("02:00:00:00:00:0a");
    private static readonly MacAddress HostB = MacAddress.Parse("02:00:00:00:00:0b");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SwitchThatStopsReading_IsCutOffAlone_WhileAnotherKeepsBeingAnswered(bool pollLoop)
    {
        var options = new ControllerOptions { PollLoop = pollLoop, MaxSendQueueBytes = 65536, FlowStatsIntervalSeconds = 0 };
        await using var harness = await ControllerHarness.StartAsync(options, new TestLearningSwitch());
        await using var good = await FakeSwitch.ConnectAsync(harness.Endpoint, 1, OfVersion.V13);
        await good.ExpectAsync<FlowModMessage>(f => f.Priority == 0);

        // The stalled switch never reads: a small receive window, then only writes. Its handshake needs no reply
        // read (hello and a 1.0 features reply with its ports, in one write); then packet-ins whose flooded
        // packet-outs carry the whole 1,400-byte frame back, far more than the kernel buffers and the 64 KiB bound.
        using var stalled = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await stalled.ConnectAsync(harness.Endpoint);
        var dialect = OpenFlowDialect.V10;
        var handshake = new byte[4096];
        var length = dialect.Write(new HelloMessage { Xid = 1 }, handshake);
        length += dialect.Write(new FeaturesReplyMessage
        {
            Xid = 2, DatapathId = 2, Buffers = 0, Tables = 1,
            Ports = [new OfPort { PortNumber = 1, Name = "pl-a", HardwareAddress = HostA }],
        }, handshake.AsSpan(length));
        await stalled.SendAsync(handshake.AsMemory(0, length));
        await ControllerHarness.EventuallyAsync(() => harness.Server.ConnectedDatapaths.Contains(2ul), "the stalled switch connected");

        var frame = new byte[1400];
        MacAddress.Broadcast.Write(frame);
        HostA.Write(frame.AsSpan(6));
        frame[12] = 0x08;
        var burst = new byte[64 * 1024];
        var burstLength = 0;
        var packetIn = new PacketInMessage { BufferId = OfPorts.NoBuffer, TotalLength = (ushort)frame.Length, InPort = 1, Data = frame };
        while (burstLength + 1500 < burst.Length)
        {
            burstLength += dialect.Write(packetIn, burst.AsSpan(burstLength));
        }

        using var flooding = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var flood = Task.Run(async () =>
        {
            try
            {
                while (!flooding.IsCancellationRequested)
                {
                    await stalled.SendAsync(burst.AsMemory(0, burstLength), flooding.Token);
                }
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                // Cut off (reset), or the test is over.
            }
        });

        // Meanwhile the other switch is answered, round trip after round trip, until the stalled one is gone.
        uint bufferId = 100;
        var answered = 0;
        while (harness.Server.ConnectedDatapaths.Contains(2ul) || answered < 20)
        {
            Assert.True(answered < 100_000, "the stalled switch was never cut off");
            await good.SendAsync(PacketIn(OfVersion.V13, 1, Frame(MacAddress.Broadcast, HostB), ++bufferId));
            var reply = await good.ExpectAsync<PacketOutMessage>(p => p.BufferId == bufferId, 5000);
            Assert.Equal(bufferId, reply.BufferId);
            answered++;
        }

        await flooding.CancelAsync();
        await flood.WaitAsync(TimeSpan.FromSeconds(10));
        var view = harness.Registry.Get(2);
        Assert.NotNull(view);
        Assert.False(view.Connected);
        Assert.Contains("send queue full", view.DisconnectReason, StringComparison.Ordinal);
        Assert.Equal([1ul], harness.Server.ConnectedDatapaths);
    }

    [Fact]
    public async Task GarbageAfterPacketIns_InOneRead_PacketInsAnsweredThenThatSwitchAloneClosed()
    {
        await using var harness = await ControllerHarness.StartAsync(new ControllerOptions { FlowStatsIntervalSeconds = 0 }, new TestLearningSwitch());
        await using var good = await FakeSwitch.ConnectAsync(harness.Endpoint, 1, OfVersion.V13);
        await using var bad = await FakeSwitch.ConnectAsync(harness.Endpoint, 2, OfVersion.V13);
        await good.ExpectAsync<FlowModMessage>(f => f.Priority == 0);
        await bad.ExpectAsync<FlowModMessage>(f => f.Priority == 0);

        var bytes = new byte[4096];
        var length = 0;
        for (uint i = 1; i <= 3; i++)
        {
            length += bad.Dialect.Write(PacketIn(OfVersion.V13, 1, Frame(MacAddress.Broadcast, HostA), i), bytes.AsSpan(length));
        }

        // An HTTP request where the next OpenFlow header should be: not an OpenFlow version, so not framable.
        var garbage = "GET / HTTP/1.1\r\n\r\n"u8;
        garbage.CopyTo(bytes.AsSpan(length));
        length += garbage.Length;
        await bad.SendRawAsync(bytes.AsMemory(0, length));

        for (uint i = 1; i <= 3; i++)
        {
            Assert.Equal(i, (await bad.ExpectAsync<PacketOutMessage>(timeoutMs: 5000)).BufferId);
        }

        await bad.WaitClosedAsync(5000);
        await good.SendAsync(PacketIn(OfVersion.V13, 1, Frame(MacAddress.Broadcast, HostB), 9));
        Assert.Equal(9u, (await good.ExpectAsync<PacketOutMessage>(timeoutMs: 5000)).BufferId);
        Assert.Contains("malformed", harness.Registry.Get(2)!.DisconnectReason, StringComparison.Ordinal);
        Assert.Equal([1ul], harness.Server.ConnectedDatapaths);
        Assert.True(harness.Server.Statistics.Malformed >= 1);
    }

    [Fact]
    public async Task ManySwitches_MessagesSplitAcrossReads_EveryOneAnsweredInOrder()
    {
        const int switches = 64;
        const int packetIns = 12;
        await using var harness = await ControllerHarness.StartAsync(new ControllerOptions { FlowStatsIntervalSeconds = 0 }, new TestLearningSwitch());
        var fleet = new List<FakeSwitch>();
        try
        {
            for (var i = 0; i < switches; i++)
            {
                fleet.Add(await FakeSwitch.ConnectAsync(harness.Endpoint, 0x1000 + (ulong)i, i % 2 == 0 ? OfVersion.V13 : OfVersion.V10));
            }

            await ControllerHarness.EventuallyAsync(() => harness.Server.ConnectedDatapaths.Count == switches, $"{switches} switches connected", 20_000);
            await Task.WhenAll(fleet.Select(SplitAndCheckAsync));
        }
        finally
        {
            foreach (var sw in fleet)
            {
                await sw.DisposeAsync();
            }
        }

        Assert.Equal(switches * packetIns, harness.Server.Statistics.PacketIns);

        static async Task SplitAndCheckAsync(FakeSwitch sw)
        {
            await sw.ExpectAsync<FlowModMessage>(f => f.Priority == 0, 10_000);
            var bytes = new byte[packetIns * 256];
            var length = 0;
            for (uint i = 0; i < packetIns; i++)
            {
                var data = Frame(MacAddress.Broadcast, HostA);
                PacketInMessage message = sw.Version == OfVersion.V13
                    ? PacketIn(OfVersion.V13, 1, data, 500 + i)
                    : new PacketInMessage { BufferId = 500 + i, TotalLength = (ushort)data.Length, InPort = 1, Data = data };
                length += sw.Dialect.Write(message, bytes.AsSpan(length));
            }

            // Cut anywhere: inside the first header, inside a body, across message boundaries.
            int[] cuts = [3, 41, 42, 170, length / 2, length - 1];
            var start = 0;
            foreach (var cut in cuts.Append(length))
            {
                await sw.SendRawAsync(bytes.AsMemory(start, cut - start));
                start = cut;
                await Task.Delay(5);
            }

            for (uint i = 0; i < packetIns; i++)
            {
                Assert.Equal(500 + i, (await sw.ExpectAsync<PacketOutMessage>(timeoutMs: 10_000)).BufferId);
            }
        }
    }

    [Fact]
    public async Task PacketInsWaitingOnManySwitches_AreAnsweredInOneTurnOfTheApps()
    {
        const int switches = 8;
        var gate = new GatedApp(new TestLearningSwitch(), gatedDatapath: 1);
        await using var harness = await ControllerHarness.StartAsync(new ControllerOptions { FlowStatsIntervalSeconds = 0 }, gate);
        var fleet = new List<FakeSwitch>();
        try
        {
            for (var i = 0; i <= switches; i++)
            {
                var sw = await FakeSwitch.ConnectAsync(harness.Endpoint, 1 + (ulong)i, OfVersion.V13);
                fleet.Add(sw);
                await sw.ExpectAsync<FlowModMessage>(f => f.Priority == 0, 10_000);
            }

            // The loop thread runs the apps, so while they are held on switch 1's packet-in, the others' packet-ins
            // wait in the kernel; once let go, the next poll round finds every one of them ready.
            await fleet[0].SendAsync(PacketIn(OfVersion.V13, 1, Frame(MacAddress.Broadcast, HostA), 1));
            Assert.True(gate.Entered.Wait(10_000), "the apps never saw switch 1's packet-in");
            foreach (var sw in fleet.Skip(1))
            {
                await sw.SendAsync(PacketIn(OfVersion.V13, 1, Frame(MacAddress.Broadcast, HostB), 7));
            }

            await Task.Delay(300);
            var before = harness.Server.Statistics.AppBatches;
            gate.Release.Set();
            Assert.Equal(1u, (await fleet[0].ExpectAsync<PacketOutMessage>(timeoutMs: 5000)).BufferId);
            foreach (var sw in fleet.Skip(1))
            {
                Assert.Equal(7u, (await sw.ExpectAsync<PacketOutMessage>(timeoutMs: 5000)).BufferId);
            }

            // One turn for the eight; answered one read at a time, they would take eight.
            Assert.Equal(1, harness.Server.Statistics.AppBatches - before);
            Assert.Equal(switches + 1, harness.Server.Statistics.PacketIns);
        }
        finally
        {
            gate.Release.Set();
            foreach (var sw in fleet)
            {
                await sw.DisposeAsync();
            }
        }
    }

    /// <summary>Holds the apps (and so the loop thread) inside the first packet-in from one switch until released.</summary>
    private sealed class GatedApp(IControllerApp inner, ulong gatedDatapath) : IControllerApp
    {
        private int _held;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public int Order => 0;

        public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now)
        {
            if (controllerEvent is PacketIn { DatapathId: var dpid } && dpid == gatedDatapath && Interlocked.Exchange(ref _held, 1) == 0)
            {
                Entered.Set();
                Release.Wait(TimeSpan.FromSeconds(10));
            }

            return inner.Handle(controllerEvent, now);
        }
    }
}
