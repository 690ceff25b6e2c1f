using System.Net;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Apps;
using SdnDashboard.Dashboard.Controller;
using SdnDashboard.Dashboard.Demo;
using SdnDashboard.Tests.OpenFlow;
using Microsoft.Extensions.Logging.Abstractions;

namespace SdnDashboard.Tests.Demo;

/// <summary>The demo switch against a real in-process controller running the real load balancer and learning switch.</summary>
public sealed class DemoSwitchTests : IAsyncLifetime
{
    private static readonly string[] MemberNames = ["web-1", "web-2", "web-3", "web-4"];
    private readonly CancellationTokenSource _stop = new();
    private ControllerHarness _harness = null!;
    private Task _run = Task.CompletedTask;

    private BalancerState State { get; } = new(new BalancerSettings(), [WebService()]);

    private DemoSwitch Switch { get; set; } = null!;

    private IReadOnlyList<DemoHost> Clients { get; set; } = [];

    public async Task InitializeAsync()
    {
        _harness = await ControllerHarness.StartAsync(new ControllerOptions { FlowStatsIntervalSeconds = 1 }, new LoadBalancerApp(State), new LearningSwitchApp());
        Clients = DemoTopology.CreateClients(12, TimeSpan.FromSeconds(1));
        Switch = new DemoSwitch(DemoTopology.DatapathId, [.. DemoTopology.CreateVms(), .. Clients],
            new DemoClientPopulation(Clients, 12, new Random(1)), TimeProvider.System, NullLogger.Instance);
        _run = Task.Run(() => Switch.RunAsync(_harness.Endpoint, _stop.Token));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await _harness.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task Connects_MembersBecomeLocatedAndServing()
    {
        await ControllerHarness.EventuallyAsync(() => Web().Members.All(m => m.LocationKnown && m.Eligible),
            "all four web members located and eligible", 8000);

        Assert.Contains(DemoTopology.DatapathId, _harness.Server.ConnectedDatapaths);
        Assert.Equal(MemberNames, Web().Members.Select(m => m.Definition.Name).Order().ToArray());
        var ports = _harness.Registry.Get(DemoTopology.DatapathId)!.Ports;
        Assert.Equal(6 + 12, ports.Count);
    }

    [Fact]
    public async Task Clients_GetAffinitiesSpreadRoundRobin_AndAnswersThroughTheRewrite()
    {
        await ControllerHarness.EventuallyAsync(() => Web().Affinities.Count == 12, "12 clients with an affinity", 10000);

        var perMember = Web().Affinities.GroupBy(a => a.Member).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(MemberNames, perMember.Keys.Order().ToArray());
        Assert.All(perMember.Values, n => Assert.Equal(3, n));
        await ControllerHarness.EventuallyAsync(() => Clients.All(c => c.Answered > 0), "every client got a SYN-ACK from the VIP", 8000);
    }

    [Fact]
    public async Task FlowTable_HoldsForwardAndReverseFlows_AndStatsReachTheRegistry()
    {
        var vip = IPAddress.Parse(DemoTopology.ServiceIp);
        await ControllerHarness.EventuallyAsync(() => Web().Affinities.Count == 12, "12 clients with an affinity", 10000);
        await ControllerHarness.EventuallyAsync(() => Switch.SnapshotFlows().Count(f => IsReverse(f.Match, f.Actions, vip)) >= 12,
            "a reverse flow per client (members answered)", 8000);

        var flows = Switch.SnapshotFlows();
        var forward = flows.Where(f => vip.Equals(f.Match.Ipv4Dst) && f.Actions.OfType<SetIpv4DstAction>().Any()).ToList();
        Assert.Equal(12, forward.Count);
        Assert.Equal(12, forward.Select(f => f.Match.EthSrc).Distinct().Count());
        Assert.Contains(flows, f => f.Priority == 0 && f.Match == PacketMatch.Any && f.OutputsTo(OfPorts.Controller));

        await ControllerHarness.EventuallyAsync(() => _harness.Registry.Get(DemoTopology.DatapathId) is { } view
            && view.Flows.Count(f => vip.Equals(f.Match.Ipv4Dst)) == 12 && view.Flows.Count(f => IsReverse(f.Match, f.Actions, vip)) >= 12
            && view.Flows.Any(f => f.PacketCount > 0),
            "flow stats with the 12 forward and reverse flows and packet counts in the registry", 8000);
    }

    private static bool IsReverse(PacketMatch match, IReadOnlyList<FlowAction> actions, IPAddress vip) =>
        match.Ipv4Src is not null && actions.OfType<SetIpv4SrcAction>().Any(a => a.Address.Equals(vip));

    private ServiceStatus Web() => State.Snapshot(DateTimeOffset.UtcNow).Single();

    private static ServiceDefinition WebService() => new()
    {
        Name = "web",
        VirtualIp = DemoTopology.ServiceIp,
        VirtualMac = "02:00:0a:00:00:64",
        Port = DemoTopology.ServicePort,
        Algorithm = "RoundRobin",
        Members =
        [
            new MemberDefinition { Name = "web-1", Mac = "52:54:00:00:01:01", Ip = "10.0.0.11" },
            new MemberDefinition { Name = "web-2", Mac = "52:54:00:00:01:02", Ip = "10.0.0.12" },
            new MemberDefinition { Name = "web-3", Mac = "52:54:00:00:02:01", Ip = "10.0.0.21" },
            new MemberDefinition { Name = "web-4", Mac = "52:54:00:00:02:02", Ip = "10.0.0.22" },
        ],
    };
}
