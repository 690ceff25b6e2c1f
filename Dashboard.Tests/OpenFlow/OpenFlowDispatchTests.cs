using System.Buffers.Binary;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of13;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>Many switches at once: apps are never entered concurrently and each switch's events keep their order.</summary>
public class OpenFlowDispatchTests
{
    [Fact]
    public async Task ManySwitches_AppCalledOneAtATime_EachSwitchInOrder()
    {
        const int switches = 8;
        const int perSwitch = 300;
        var app = new OrderCheckingApp();
        await using var harness = await ControllerHarness.StartAsync(null, app);
        var fakes = new List<FakeSwitch>();
        try
        {
            for (var i = 1; i <= switches; i++)
            {
                fakes.Add(await FakeSwitch.ConnectAsync(harness.Endpoint, (ulong)i, i % 2 == 0 ? OfVersion.V10 : OfVersion.V13));
            }

            await ControllerHarness.EventuallyAsync(() => harness.Server.ConnectedDatapaths.Count == switches, "all switches connected");
            await Task.WhenAll(fakes.Select(async fake =>
            {
                for (var n = 0; n < perSwitch; n++)
                {
                    var data = new byte[60];
                    BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(20), n);
                    await fake.SendAsync(fake.Version == OfVersion.V13
                        ? new PacketInMessage { BufferId = (uint)n, TotalLength = 60, Match = Of13Translator.ToOxmMatch(new PacketMatch { InPort = 1 }), Data = data }
                        : new PacketInMessage { BufferId = (uint)n, TotalLength = 60, InPort = 1, Data = data });
                }
            }));

            await ControllerHarness.EventuallyAsync(() => app.Total == switches * perSwitch, $"{switches * perSwitch} packet-ins handled", 10_000);
            Assert.False(app.Overlapped, "the app was entered by two threads at once");
            Assert.Empty(app.OutOfOrder);

            // Every packet-in got its answer on its own connection.
            foreach (var fake in fakes)
            {
                var last = await fake.ExpectAsync<BarrierRequestMessage>(b => b.Xid > 0 && fake.Dialect.Version > 0, 5000);
                Assert.NotNull(last);
            }
        }
        finally
        {
            foreach (var fake in fakes)
            {
                await fake.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task PacketInSplitAcrossTcpSegments_IsReassembled()
    {
        // No polls: the fake switch's stats reply must not land between the chunks written below.
        var app = new TestLearningSwitch();
        await using var harness = await ControllerHarness.StartAsync(new Dashboard.Controller.ControllerOptions { FlowStatsIntervalSeconds = 0 }, app);
        await using var sw = await FakeSwitch.ConnectAsync(harness.Endpoint, 3, OfVersion.V13);
        await sw.ExpectAsync<FlowModMessage>();
        var data = new byte[60];
        data[0] = 0xff;
        var bytes = new byte[256];
        var length = Of13Writer.Write(new PacketInMessage { BufferId = 4, TotalLength = 60, Match = Of13Translator.ToOxmMatch(new PacketMatch { InPort = 1 }), Data = data }, bytes);
        foreach (var (start, end) in new[] { (0, 1), (1, 5), (5, 40), (40, length) })
        {
            await sw.SendRawAsync(bytes.AsMemory(start, end - start));
            await Task.Delay(50);
        }

        var flood = await sw.ExpectAsync<PacketOutMessage>();
        Assert.Equal(4u, flood.BufferId);
        Assert.Equal(1, app.PacketIns);
    }

    /// <summary>Records whether two threads were ever inside at once and whether any switch's sequence went backwards.</summary>
    private sealed class OrderCheckingApp : IControllerApp
    {
        private readonly Dictionary<ulong, int> _next = [];
        private int _inside;
        private int _total;

        public int Order => 0;

        public bool Overlapped { get; private set; }

        public List<string> OutOfOrder { get; } = [];

        public int Total => Volatile.Read(ref _total);

        public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now)
        {
            if (Interlocked.Exchange(ref _inside, 1) == 1)
            {
                Overlapped = true;
            }

            try
            {
                if (controllerEvent is not PacketIn p)
                {
                    return [];
                }

                Thread.SpinWait(50);
                var n = BinaryPrimitives.ReadInt32BigEndian(p.Data.Span[20..]);
                var expected = _next.GetValueOrDefault(p.DatapathId);
                if (n != expected)
                {
                    OutOfOrder.Add($"switch {p.DatapathId}: got {n}, expected {expected}");
                }

                _next[p.DatapathId] = n + 1;
                Interlocked.Increment(ref _total);
                return n == 299 ? [new BarrierCommand(p.DatapathId)] : [];
            }
            finally
            {
                Volatile.Write(ref _inside, 0);
            }
        }
    }
}
