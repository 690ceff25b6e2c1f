using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of13;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Bench.OpenFlow;

/// <summary>
/// <c>micro</c>: the controller's per-packet-in work without sockets, on one thread: decode the packet-in, run
/// the product's apps (load balancer with no service, then the learning switch), encode its flow-mod, note it in the flow ledger. Reports ns and allocated bytes per
/// packet-in (median of 5 runs), and the codec alone (decode + encode of a ready command).
/// </summary>
internal static class MicroCommand
{
    private const int Switches = 16;

    public static int Run()
    {
        Console.WriteLine("| version | path | ns per packet-in (median) | bytes allocated per packet-in |");
        Console.WriteLine("|---|---|---:|---:|");
        foreach (var dialect in new[] { OpenFlowDialect.V13, OpenFlowDialect.V10 })
        {
            var frames = Enumerable.Range(0, 1000).Select(i => PacketInFrame(dialect, i)).ToArray();
            var registry = new SwitchRegistry(Options.Create(new ControllerOptions()));
            var app = ProductApps.CreatePipeline();
            for (var dpid = 1UL; dpid <= Switches; dpid++)
            {
                registry.OnConnected(dpid, dialect.Version, "bench", [], DateTimeOffset.UtcNow);
                app.Handle(new SwitchConnected(dpid, dialect.Version, []), DateTimeOffset.UtcNow);
                foreach (var frame in frames)
                {
                    app.Handle(dialect.ReadPacketIn(dpid, frame), DateTimeOffset.UtcNow);
                }
            }

            var buffer = new byte[OpenFlowFraming.MaxMessageSize];
            var now = DateTimeOffset.UtcNow;
            void Serve(ulong dpid, int i)
            {
                var packetIn = dialect.ReadPacketIn(dpid, frames[i % frames.Length]);
                var commands = app.Handle(packetIn, now);
                for (var c = 0; c < commands.Count; c++)
                {
                    dialect.WriteCommand(commands[c], (uint)i, buffer);
                    if (commands[c] is FlowModCommandMessage flowMod)
                    {
                        registry.RecordFlowMod(flowMod, now);
                    }
                }
            }

            Report(dialect, "decode + app + encode + ledger", i => Serve(1, i));

            // The latency bench's working set: every switch's tables and ledger in use, the switches in turn.
            Report(dialect, $"the same, {Switches} switches in turn", i => Serve(1 + (ulong)(i % Switches), i / Switches));

            var decoded = frames.Select(f => dialect.ReadPacketIn(1, f)).ToArray();
            Report(dialect, "apps only (load balancer + learning switch)", i => app.Handle(decoded[i % decoded.Length], now));

            var command = (FlowModCommandMessage)app.Handle(dialect.ReadPacketIn(1, frames[1]), now)[0];
            Report(dialect, "ledger only (intended-flow record)", _ => registry.RecordFlowMod(command, now));
            Report(dialect, "codec only (packet-in decode + flow-mod encode)", i =>
            {
                dialect.ReadPacketIn(1, frames[i % frames.Length]);
                dialect.WriteCommand(command, (uint)i, buffer);
            });
        }

        Console.WriteLine($"collections: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; GC pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms");
        return 0;
    }

    private static void Report(OpenFlowDialect dialect, string path, Action<int> body)
    {
        const int n = 1_000_000;
        var times = new List<double>();
        long bytes = 0;
        for (var run = 0; run < 6; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                body(i);
            }

            clock.Stop();
            if (run > 0)
            {
                times.Add(clock.Elapsed.TotalNanoseconds / n);
                bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / n;
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {(dialect.Version == OfVersion.V13 ? "1.3" : "1.0")} | {path} | {times[times.Count / 2]:F0} | {bytes} |"));
    }

    private static byte[] PacketInFrame(OpenFlowDialect dialect, int i)
    {
        var data = new byte[60];
        new MacAddress(0x0200_0000_0000UL | (uint)((i + 1) % 1000)).Write(data);
        new MacAddress(0x0200_0000_0000UL | (uint)i).Write(data.AsSpan(6));
        data[12] = 0x08;

        // IPv4/UDP, as the load generator sends: the product's apps read the headers.
        data[14] = 0x45;
        data[17] = 46;
        data[22] = 64;
        data[23] = 17;
        var inPort = 1 + (uint)(i % 16);
        var message = dialect.Version == OfVersion.V13
            ? new PacketInMessage { BufferId = (uint)i, TotalLength = 60, Match = Of13Translator.ToOxmMatch(new PacketMatch { InPort = inPort }), Data = data }
            : new PacketInMessage { BufferId = (uint)i, TotalLength = 60, InPort = (ushort)inPort, Data = data };
        var buffer = new byte[256];
        return buffer[..dialect.Write(message, buffer)];
    }
}
