using System.Globalization;
using SdnDashboard.Bench.Balancer;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Balancing.Algorithms;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Apps;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

// Balancer apps benchmark: member selection per algorithm, and packet-in handling through the controller
// pipeline (load-balancer path next to the learning-switch path). Usage: BalancerBench [runs]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var now = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
Console.WriteLine($"runs per figure: {runs} (median reported); {Environment.ProcessorCount} logical CPUs; .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("| algorithm | 3 members | 30 members | 300 members |");
Console.WriteLine("|---|---:|---:|---:|");
const int decisions = 200_000;
foreach (var name in BalancingAlgorithms.Names)
{
    var cells = new List<string>();
    foreach (var count in new[] { 3, 30, 300 })
    {
        var random = new Random(count);
        var candidates = Enumerable.Range(1, count).Select(i => new MemberCandidate(
            i, BalancingAlgorithms.StableHash($"m{i}"), 1 + (i % 3),
            new MemberLoad(random.NextDouble() * 100, random.NextDouble() * 100, random.NextDouble() * 1e8, now, MemberLoad.Running),
            random.Next(100), random.Next(5))).ToArray();
        var rate = Measure.MedianRate(decisions, runs, () =>
        {
            var algorithm = BalancingAlgorithms.Create(name, new LeastLoadWeights(), new Random(1));
            return () =>
            {
                var sink = 0;
                for (var i = 0; i < decisions; i++)
                {
                    sink += algorithm.Select(candidates, 0x5254_0001_0000UL + (ulong)i);
                }

                GC.KeepAlive(sink);
            };
        });
        cells.Add(Format(rate));
    }

    Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
}

Console.WriteLine();
Console.WriteLine("| packet-in path (3 members, RoundRobin) | packet-ins/s | commands per packet-in |");
Console.WriteLine("|---|---:|---:|");
const int clients = 100_000;
var vip = 0x0A00_0064U;
var vmac = MacAddress.Parse("02:00:00:00:01:00");
var definition = new ServiceDefinition
{
    Name = "web",
    VirtualIp = "10.0.0.100",
    VirtualMac = vmac.ToString(),
    Port = 80,
    Members = [.. Enumerable.Range(1, 3).Select(i => new MemberDefinition { Name = $"m{i}", Mac = $"52:54:00:00:00:0{i}", Ip = $"10.0.0.1{i}" })],
};
var clientMacs = Enumerable.Range(0, clients).Select(i => new MacAddress(0x5254_0100_0000UL + (ulong)i)).ToArray();
var toVip = clientMacs.Select((mac, i) => PacketIn(10 + (uint)(i % 40), FrameBuilder.BuildTcp(mac, vmac, 0x0A01_0000U + (uint)i, vip, 40000, 80))).ToArray();
var arpForVip = clientMacs.Select((mac, i) => PacketIn(10 + (uint)(i % 40), FrameBuilder.BuildArpRequest(mac, 0x0A01_0000U + (uint)i, vip))).ToArray();
var peer = new MacAddress(0x5254_0200_0000UL);
var toPeer = clientMacs.Select((mac, i) => PacketIn(10 + (uint)(i % 40), FrameBuilder.BuildTcp(mac, peer, 0x0A01_0000U + (uint)i, 0x0A02_0000U, 40000, 22))).ToArray();

Row("load balancer, new client (decision + 2 flows + packet-out)", toVip, setup: null);
Row("load balancer, known client (affinity hit, flows re-installed)", toVip, setup: pipeline => Drive(pipeline, toVip));
Row("load balancer, ARP request for the virtual IP", arpForVip, setup: null);
Row("learning switch behind the load balancer (flow + packet-out)", toPeer, setup: LocatePeer);
Row("learning switch alone (flow + packet-out)", toPeer, setup: LocatePeer, balancer: false);
Row("load balancer alone, non-service packet (passed on)", toPeer, setup: LocatePeer, balancer: true, learning: false);

void Row(string label, PacketIn[] packets, Action<ControllerPipeline>? setup, bool balancer = true, bool learning = true)
{
    var commands = 0;
    var rate = Measure.MedianRate(packets.Length, runs, () =>
    {
        var pipeline = Pipeline(balancer, learning);
        setup?.Invoke(pipeline);
        return () => commands = Drive(pipeline, packets);
    });
    Console.WriteLine($"| {label} | {Format(rate)} | {(double)commands / packets.Length:0.#} |");
}

ControllerPipeline Pipeline(bool balancer, bool learning = true)
{
    var state = new BalancerState(new BalancerSettings(), [definition], new Random(1));
    var apps = new List<IControllerApp>();
    if (balancer)
    {
        apps.Add(new LoadBalancerApp(state));
    }

    if (learning)
    {
        apps.Add(new LearningSwitchApp());
    }

    var pipeline = new ControllerPipeline(apps);
    pipeline.Handle(new SwitchConnected(1, 4, []), now);
    for (var i = 1; i <= 3; i++)
    {
        var mac = new MacAddress(0x5254_0000_0000UL + (ulong)i);
        pipeline.Handle(PacketIn((uint)i, FrameBuilder.BuildArpReply(mac, 0x0A00_000AU + (uint)i, vmac, vip)), now);
    }

    return pipeline;
}

void LocatePeer(ControllerPipeline pipeline) => pipeline.Handle(PacketIn(2, FrameBuilder.BuildArpRequest(peer, 0x0A02_0000U, 1)), now);

int Drive(ControllerPipeline pipeline, PacketIn[] packets)
{
    var total = 0;
    foreach (var packet in packets)
    {
        total += pipeline.Handle(packet, now).Count;
    }

    return total;
}

static PacketIn PacketIn(uint port, byte[] frame) => new(1) { InPort = port, Data = frame, TotalLength = frame.Length };

static string Format(double rate) => rate >= 1e6
    ? (rate / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " M/s"
    : (rate / 1e3).ToString("0", CultureInfo.InvariantCulture) + " k/s";
