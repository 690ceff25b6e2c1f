using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using SdnDashboard.Collectors.Sflow;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Tests.Sflow;

/// <summary>
/// Real Open vSwitch (netdev datapath) exports sFlow at 1-in-1 to our collector on loopback while two
/// network namespaces exchange TCP and UDP; the per-VM bytes on the bus must match what the namespaces'
/// interfaces counted within 10 %.
/// </summary>
public sealed class SflowOvsEndToEndTests
{
    private const string Bridge = "sfbr-e2e";
    private const string NsA = "sf-e2ea";
    private const string NsB = "sf-e2eb";
    private const string MacA = "52:54:00:5e:00:01";
    private const string MacB = "52:54:00:5e:00:02";
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task OvsExport_TcpAndUdpBetweenNamespaces_VmBytesOnTheBusMatchInterfaceCounters()
    {
        LabCommand.RequireRootAndTools("ovs-vsctl", "ip", "ethtool", "python3");
        await LabCommand.RunAsync("bash", Path.Combine(RepoRoot(), "lab", "ovs-start.sh"));
        await CleanupAsync();
        using var host = SflowCollectorServiceTests.BuildHost(new()
        {
            ["Sflow:ListenAddress"] = "127.0.0.1",
            ["Sflow:Port"] = "0",
            ["Sflow:IntervalSeconds"] = "1",
            ["Sflow:Vms:0:Name"] = "vm-a",
            ["Sflow:Vms:0:Mac"] = MacA,
            ["Sflow:Vms:1:Name"] = "vm-b",
            ["Sflow:Vms:1:Mac"] = MacB,
        });
        await host.StartAsync();
        try
        {
            var endpoint = await host.Services.GetRequiredService<SflowCollectorService>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
            await BuildLabAsync(endpoint.Port);
            var bus = host.Services.GetRequiredService<ITelemetryBus>();
            var batches = Channel.CreateUnbounded<TrafficBatch>();
            await using var subscription = await bus.SubscribeAsync(BusTopics.Traffic, (b, _) => batches.Writer.WriteAsync(b));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await batches.Reader.ReadAsync(timeout.Token);

            // Counters before, then traffic, then counters after; everything sampled in between is summed.
            var before = (A: await CountersAsync(NsA), B: await CountersAsync(NsB));
            DrainInto(batches, out var during);
            await RunTrafficAsync();
            await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
            var after = (A: await CountersAsync(NsA), B: await CountersAsync(NsB));
            for (var i = 0; i < 3; i++)
            {
                during.Add(await batches.Reader.ReadAsync(timeout.Token));
            }

            DrainInto(batches, out var rest);
            during.AddRange(rest);
            long Sum(string vm, Func<VmTraffic, long> f) => during.SelectMany(b => b.Vms).Where(v => v.VmName == vm).Sum(f);

            var aTx = after.A.TxBytes - before.A.TxBytes;
            var aRx = after.A.RxBytes - before.A.RxBytes;
            var bTx = after.B.TxBytes - before.B.TxBytes;
            var bRx = after.B.RxBytes - before.B.RxBytes;
            Assert.True(aTx > 1_000_000, $"namespace a sent only {aTx} bytes");
            var diagnostics = $"datagrams {during.Sum(b => b.Datagrams)}, samples {during.Sum(b => b.Samples)}, lost samples {during.Sum(b => b.LostSamples)}, "
                + $"lost datagrams {during.Sum(b => b.LostDatagrams)}, agent drops {during.SelectMany(b => b.Agents).Sum(a => a.AgentDrops)}, "
                + $"a packets out {Sum("vm-a", v => v.PacketsOut)} vs {after.A.TxPackets - before.A.TxPackets}, b packets in {Sum("vm-b", v => v.PacketsIn)} vs {after.B.RxPackets - before.B.RxPackets}";
            Within10Percent("vm-a out", aTx, Sum("vm-a", v => v.BytesOut), diagnostics);
            Within10Percent("vm-b in", bRx, Sum("vm-b", v => v.BytesIn), diagnostics);
            Within10Percent("vm-b out", bTx, Sum("vm-b", v => v.BytesOut), diagnostics);
            Within10Percent("vm-a in", aRx, Sum("vm-a", v => v.BytesIn), diagnostics);
            Assert.Contains(during.SelectMany(b => b.TopFlows), f => f.DstPort == 5001 && f.Protocol == 6 && f.SrcIp == "10.78.0.1");
            Assert.Equal(0, during.Sum(b => b.LostSamples));
            Assert.Equal(0, during.Sum(b => b.MalformedDatagrams));
        }
        finally
        {
            await host.StopAsync();
            await CleanupAsync();
        }
    }

    private static void Within10Percent(string what, long expected, long actual, string diagnostics) =>
        Assert.True(Math.Abs(actual - expected) <= expected * 0.10,
            $"{what}: interfaces counted {expected} bytes, sFlow estimated {actual} ({(actual - expected) * 100.0 / Math.Max(expected, 1):F1} %); {diagnostics}");

    private static void DrainInto(Channel<TrafficBatch> channel, out List<TrafficBatch> list)
    {
        list = [];
        while (channel.Reader.TryRead(out var b))
        {
            list.Add(b);
        }
    }

    private static async Task BuildLabAsync(int port)
    {
        await LabCommand.RunAsync("ovs-vsctl", "add-br", Bridge, "--", "set", "bridge", Bridge, "datapath_type=netdev");
        await LabCommand.RunAsync("ip", "link", "set", Bridge, "up");
        foreach (var (ns, veth, mac, ip) in new[] { (NsA, "sfve2ea", MacA, "10.78.0.1/24"), (NsB, "sfve2eb", MacB, "10.78.0.2/24") })
        {
            await LabCommand.RunAsync("ip", "netns", "add", ns);
            await LabCommand.RunAsync("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
            await LabCommand.RunAsync("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.default.disable_ipv6=1");
            await LabCommand.RunAsync("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns);
            await LabCommand.RunAsync("ip", "link", "set", veth, "up");
            await LabCommand.RunAsync("ovs-vsctl", "add-port", Bridge, veth);
            await LabCommand.RunAsync("ip", "netns", "exec", ns, "ip", "link", "set", "eth0", "address", mac);
            await LabCommand.RunAsync("ip", "netns", "exec", ns, "ip", "addr", "add", ip, "dev", "eth0");
            await LabCommand.RunAsync("ip", "netns", "exec", ns, "ip", "link", "set", "eth0", "up");
            await LabCommand.RunAsync("ip", "netns", "exec", ns, "ethtool", "-K", "eth0", "tx", "off");
            await LabCommand.RunAsync("ethtool", "-K", veth, "tx", "off");
        }

        await LabCommand.RunAsync("ovs-vsctl", "--", "--id=@s", "create", "sflow", "agent=lo",
            $"target=\"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}\"", "header=128", "sampling=1", "polling=1",
            "--", "set", "bridge", Bridge, "sflow=@s");
    }

    private static async Task RunTrafficAsync()
    {
        var server = LabCommand.RunAsync("ip", "netns", "exec", NsB, Python, "-c", """
            import socket
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("10.78.0.2", 5001)); s.listen(1)
            s.settimeout(30); c, _ = s.accept()
            while c.recv(65536): pass
            """);
        await Task.Delay(500);
        await LabCommand.RunAsync("ip", "netns", "exec", NsA, Python, "-c", """
            import socket, time
            for attempt in range(50):
                try:
                    s = socket.create_connection(("10.78.0.2", 5001)); break
                except OSError:
                    time.sleep(0.1)
            # Paced: OVS's userspace datapath drops bursts at its AF_PACKET socket, before sFlow can see them.
            for i in range(500): s.sendall(b"x" * 3000); time.sleep(0.003)
            s.close()
            """);
        await server;
        await LabCommand.RunAsync("ip", "netns", "exec", NsB, Python, "-c", """
            import socket, time
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            for i in range(300): s.sendto(b"u" * 1000, ("10.78.0.1", 5002)); time.sleep(0.002)
            """);
    }

    private static async Task<(long RxBytes, long TxBytes, long RxPackets, long TxPackets)> CountersAsync(string ns)
    {
        var json = await LabCommand.RunAsync("ip", "-n", ns, "-j", "-s", "link", "show", "eth0");
        using var doc = JsonDocument.Parse(json);
        var stats = doc.RootElement[0].GetProperty("stats64");
        return (stats.GetProperty("rx").GetProperty("bytes").GetInt64(), stats.GetProperty("tx").GetProperty("bytes").GetInt64(),
            stats.GetProperty("rx").GetProperty("packets").GetInt64(), stats.GetProperty("tx").GetProperty("packets").GetInt64());
    }

    private static async Task CleanupAsync()
    {
        await LabCommand.TryRunAsync("ovs-vsctl", "--if-exists", "del-br", Bridge);
        await LabCommand.TryRunAsync("ip", "netns", "del", NsA);
        await LabCommand.TryRunAsync("ip", "netns", "del", NsB);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SdnDashboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
