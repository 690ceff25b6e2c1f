using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Apps;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of13;
using SdnDashboard.Tests.OpenFlow;
using static SdnDashboard.Tests.OpenFlow.TestPacketIns;

namespace SdnDashboard.Tests.Controller;

/// <summary>
/// The controller answers packet-ins on whichever thread read them (receive loops take turns running the apps)
/// and batches the replies: with many switches each pipelining hundreds of packet-ins, every one must still be
/// answered, in each switch's order, with the apps never running on two threads at once.
/// </summary>
public sealed class PacketInPipeliningTests
{
    private const int Switches = 8;
    private const int PacketInsPerSwitch = 400;

    [Theory]
    [InlineData(OfVersion.V13)]
    [InlineData(OfVersion.V10)]
    public async Task ManySwitchesPipelining_EveryPacketInAnsweredInOrder_AppsNeverConcurrent(byte version)
    {
        var state = new BalancerState(new BalancerSettings(), []);
        var guard = new ConcurrencyGuard(new ControllerPipeline([new LearningSwitchApp(), new LoadBalancerApp(state)]));
        await using var harness = await ControllerHarness.StartAsync(null, guard);
        var switches = new List<FakeSwitch>();
        try
        {
            for (var i = 0; i < Switches; i++)
            {
                var sw = await FakeSwitch.ConnectAsync(harness.Endpoint, 0x100 + (ulong)i, version);
                switches.Add(sw);
                await sw.ExpectAsync<FlowModMessage>(f => f.Priority == 0, 10_000);
            }

            await Task.WhenAll(switches.Select(sw => RunSwitchAsync(sw, version)));
        }
        finally
        {
            foreach (var sw in switches)
            {
                await sw.DisposeAsync();
            }
        }

        Assert.Equal(0, guard.Overlaps);
        Assert.Equal(Switches * (PacketInsPerSwitch + 1), harness.Server.Statistics.PacketIns);
    }

    private static async Task RunSwitchAsync(FakeSwitch sw, byte version)
    {
        var a = MacAddress.Parse("02:00:00:00:00:0a");
        var b = MacAddress.Parse("02:00:00:00:00:0b");

        // B is learned on port 2 (its broadcast is flooded), then A → B packet-ins go out in one burst.
        await sw.SendAsync(PacketIn(version, 2, UdpFrame(MacAddress.Broadcast, b), 1));
        Assert.Equal(1u, (await sw.ExpectAsync<PacketOutMessage>(timeoutMs: 10_000)).BufferId);
        var burst = new byte[PacketInsPerSwitch * 256];
        var length = 0;
        for (var i = 0; i < PacketInsPerSwitch; i++)
        {
            length += sw.Dialect.Write(PacketIn(version, 1, UdpFrame(b, a), 100 + (uint)i), burst.AsSpan(length));
        }

        await sw.SendRawAsync(burst.AsMemory(0, length));
        for (var i = 0; i < PacketInsPerSwitch; i++)
        {
            var flow = await sw.ExpectAsync<FlowModMessage>(f => f.BufferId != OfPorts.NoBuffer, 20_000);
            Assert.Equal(100 + (uint)i, flow.BufferId);
        }
    }

    /// <summary>Ethernet + IPv4/UDP header: the product's apps read the headers.</summary>
    private static byte[] UdpFrame(MacAddress dst, MacAddress src)
    {
        var frame = new byte[60];
        dst.Write(frame);
        src.Write(frame.AsSpan(6));
        frame[12] = 0x08;
        frame[14] = 0x45;
        frame[17] = 46;
        frame[22] = 64;
        frame[23] = 17;
        return frame;
    }

    /// <summary>Counts calls that overlap in time: the dispatcher promises there are none.</summary>
    private sealed class ConcurrencyGuard(IControllerApp inner) : IControllerApp
    {
        private int _inside;
        private int _overlaps;

        public int Order => 0;

        public int Overlaps => Volatile.Read(ref _overlaps);

        public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now)
        {
            if (Interlocked.Increment(ref _inside) != 1)
            {
                Interlocked.Increment(ref _overlaps);
            }

            try
            {
                // Widen the window in which an overlap would be seen.
                Thread.SpinWait(50);
                return inner.Handle(controllerEvent, now);
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }
    }
}
