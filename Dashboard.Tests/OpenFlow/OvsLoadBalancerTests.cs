using System.Diagnostics;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control.Apps;
using SdnDashboard.Dashboard.Controller;
using Xunit.Abstractions;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>
/// Issue 5's proof on real Open vSwitch: our OpenFlow server with the real learning switch and load balancer
/// drives a userspace bridge in fail-mode secure; three namespace VMs serve HTTP with their own name behind one
/// virtual IP, and namespace clients fetch it with curl. Round robin gives each VM two clients and every client
/// keeps its VM (MAC affinity); the switch holds the forward and reverse rewrites; least load steers new clients
/// away from a loaded VM; a drained VM gets no new clients but keeps its own. Needs root. One subclass per
/// OpenFlow version, so the two labs (own bridge, namespaces and subnet each) run in parallel.
/// </summary>
public abstract class OvsLoadBalancerTests(ITestOutputHelper output, string protocol, string tag)
{
    private const int Vms = 3;
    private const int Clients = 12;
    private const string Service = "web";

    [Fact]
    public async Task Balancer_OnRealOvs_RoundRobinWithMacAffinityThenLeastLoadAndDrainSteerNewClients()
    {
        Lab.RequireOpenVSwitch();
        if (Lab.Run("command -v curl", check: false).ExitCode != 0)
        {
            Assert.Fail("This Open vSwitch lab test needs 'curl' on PATH (Debian package curl); run ./test.sh as root.");
        }

        var watch = Stopwatch.StartNew();
        var definition = new ServiceDefinition
        {
            Name = Service,
            VirtualIp = LoadBalancerLab.VirtualIpOf(tag),
            VirtualMac = LoadBalancerLab.VirtualMacOf(tag),
            Port = 80,
            Protocol = "Tcp",
            Algorithm = "RoundRobin",
            Members = [.. Enumerable.Range(1, Vms).Select(vm => new MemberDefinition
            {
                Name = $"m{vm}", Mac = LoadBalancerLab.VmMacOf(tag, vm), Ip = LoadBalancerLab.VmIpOf(tag, vm), VmName = LoadBalancerLab.VmName(vm),
            })],
        };

        // Flows and samples must outlive the test, so nothing here depends on how slow the machine is today.
        var state = new BalancerState(new BalancerSettings { LoadStaleAfter = TimeSpan.FromMinutes(10), FlowIdleTimeoutSeconds = 120 }, [definition]);
        state.UpdateLoads(Loads(loadedVm: null), DateTimeOffset.UtcNow);
        await using var harness = await ControllerHarness.StartAsync(new ControllerOptions(), new LoadBalancerApp(state), new LearningSwitchApp());
        using var lab = new LoadBalancerLab(tag, protocol, Vms, Clients, harness.Endpoint.Port);
        lab.StartHttpServers();
        output.WriteLine($"{protocol}: hosts made after {watch.ElapsedMilliseconds} ms");
        await ControllerHarness.EventuallyAsync(() => harness.Server.ConnectedDatapaths.Count == 1, $"{lab.Name} connects", 20_000);
        output.WriteLine($"{protocol}: switch connected after {watch.ElapsedMilliseconds} ms");

        // The VMs talk to each other (through the learning switch) so the balancer has located every member on
        // the switch before the first client: round robin then cycles over all three from the start.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Members().All(m => m.LocationKnown && m.Eligible))
        {
            Assert.True(DateTime.UtcNow < deadline, "members not located: " + string.Join("; ", Members().Select(m => $"{m.Definition.Name} {m.Reason}")));
            for (var vm = 1; vm <= Vms; vm++)
            {
                lab.Ping(vm, vm % Vms + 1);
            }
        }

        output.WriteLine($"{protocol}: members located after {watch.ElapsedMilliseconds} ms");
        lab.WaitForHttpServers();
        output.WriteLine($"{protocol}: lab ready after {watch.ElapsedMilliseconds} ms");

        // Round robin: six clients, two requests each, then a third round after everyone was assigned.
        var servedBy = new Dictionary<int, string>();
        for (var client = 1; client <= 6; client++)
        {
            servedBy[client] = Fetch(lab, client);
            Assert.Equal(servedBy[client], Fetch(lab, client));
        }

        AssertAffinity(lab, servedBy, Enumerable.Range(1, 6));
        var perVm = servedBy.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(Enumerable.Range(1, Vms).All(vm => perVm.GetValueOrDefault(LoadBalancerLab.VmName(vm)) == 2),
            "round robin should give every VM exactly two clients: " + string.Join(", ", servedBy.Select(p => $"c{p.Key}->{p.Value}")));
        AssertTableMatches(servedBy);

        var flows = lab.DumpFlows(protocol);
        output.WriteLine(flows);
        foreach (var (client, vmName) in servedBy)
        {
            AssertFlows(lab, flows, client, int.Parse(vmName[2..], System.Globalization.CultureInfo.InvariantCulture));
        }

        output.WriteLine($"{protocol}: round robin done after {watch.ElapsedMilliseconds} ms");

        // Least load: vm1 reported busy; new clients avoid it, old clients keep their VM across the switch-over.
        var edit = state.ReplaceService(definition with { Algorithm = "LeastLoad" });
        Assert.True(edit.Succeeded, string.Join("; ", edit.Errors));
        await harness.Server.SendAsync(edit.Commands);
        state.UpdateLoads(Loads(loadedVm: 1), DateTimeOffset.UtcNow);
        for (var client = 7; client <= 9; client++)
        {
            servedBy[client] = Fetch(lab, client);
            Assert.Equal(servedBy[client], Fetch(lab, client));
        }

        Assert.True(Enumerable.Range(7, 3).All(c => servedBy[c] != LoadBalancerLab.VmName(1)),
            "least load should keep new clients off the loaded vm1: " + string.Join(", ", Enumerable.Range(7, 3).Select(c => $"c{c}->{servedBy[c]}")));

        // Drain vm2 with every load back to low: new clients go to vm1 and vm3 only; vm2's clients stay on vm2.
        var drain = state.SetDrained(Service, "m2", drained: true);
        Assert.True(drain.Succeeded, string.Join("; ", drain.Errors));
        await harness.Server.SendAsync(drain.Commands);
        state.UpdateLoads(Loads(loadedVm: null), DateTimeOffset.UtcNow);
        for (var client = 10; client <= 12; client++)
        {
            servedBy[client] = Fetch(lab, client);
            Assert.Equal(servedBy[client], Fetch(lab, client));
        }

        Assert.True(Enumerable.Range(10, 3).All(c => servedBy[c] != LoadBalancerLab.VmName(2)),
            "a drained vm2 should get no new clients: " + string.Join(", ", Enumerable.Range(10, 3).Select(c => $"c{c}->{servedBy[c]}")));
        Assert.Contains(LoadBalancerLab.VmName(2), servedBy.Values);
        AssertAffinity(lab, servedBy, Enumerable.Range(1, Clients));
        AssertTableMatches(servedBy);
        output.WriteLine($"{protocol}: done after {watch.ElapsedMilliseconds} ms; " + string.Join(", ", servedBy.Select(p => $"c{p.Key}->{p.Value}")));

        IReadOnlyList<MemberStatus> Members() => state.Snapshot(DateTimeOffset.UtcNow).Single().Members;

        void AssertTableMatches(Dictionary<int, string> served)
        {
            var table = state.Snapshot(DateTimeOffset.UtcNow).Single().Affinities;
            foreach (var (client, vmName) in served)
            {
                var entry = Assert.Single(table, a => a.Client == lab.ClientMac(client));
                Assert.Equal($"m{vmName[2..]}", entry.Member);
            }
        }
    }

    private static Dictionary<string, MemberLoad> Loads(int? loadedVm)
    {
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(1, Vms).ToDictionary(
            LoadBalancerLab.VmName,
            vm => new MemberLoad(vm == loadedVm ? 95 : 5, 10, 1000, now, MemberLoad.Running));
    }

    private static string Fetch(LoadBalancerLab lab, int client)
    {
        var result = lab.Get(client);
        Assert.True(result.ExitCode == 0 && result.Output.StartsWith("vm", StringComparison.Ordinal),
            $"curl from {lab.ClientNamespace(client)} to {lab.VirtualIp} failed ({result.ExitCode}): {result.Output} {result.Error}");
        return result.Output;
    }

    /// <summary>Every client gets the VM it got first, on a request made after other clients were balanced.</summary>
    private static void AssertAffinity(LoadBalancerLab lab, Dictionary<int, string> servedBy, IEnumerable<int> clients)
    {
        foreach (var client in clients)
        {
            Assert.True(Fetch(lab, client) == servedBy[client], $"client c{client} moved away from {servedBy[client]}");
        }
    }

    /// <summary>The client's forward flow (to the VIP, rewritten to the VM) and reverse flow (from the VM, rewritten to the VIP).</summary>
    private static void AssertFlows(LoadBalancerLab lab, string flows, int client, int vm)
    {
        var lines = flows.Split('\n');
        var clientMac = lab.ClientMac(client);
        var forward = lines.SingleOrDefault(l => l.Contains($"dl_src={clientMac},", StringComparison.Ordinal)
            && l.Contains($"nw_dst={lab.VirtualIp},", StringComparison.Ordinal));
        Assert.True(forward is not null, $"no forward flow for c{client} in:\n{flows}");
        AssertFlow(forward, "tp_dst=80", [lab.VmMac(vm), lab.VmIp(vm), $"output:{LoadBalancerLab.VmPort(vm)}"], flows);

        var reverse = lines.SingleOrDefault(l => l.Contains($"dl_src={lab.VmMac(vm)},dl_dst={clientMac},", StringComparison.Ordinal));
        Assert.True(reverse is not null, $"no reverse flow for c{client} from vm{vm} in:\n{flows}");
        AssertFlow(reverse, $"nw_src={lab.VmIp(vm)},tp_src=80", [lab.VirtualMac, lab.VirtualIp, $"output:{lab.ClientPort(client)}"], flows);
    }

    private static void AssertFlow(string line, string match, string[] actions, string flows)
    {
        var at = line.IndexOf(" actions=", StringComparison.Ordinal);
        Assert.True(at > 0, line);
        Assert.True(line.Contains("cookie=0xb1", StringComparison.Ordinal) && line.Contains("priority=200,tcp,", StringComparison.Ordinal)
            && line[..at].Contains(match, StringComparison.Ordinal), $"unexpected match in '{line}'\n{flows}");
        var actionText = line[at..];
        Assert.True(actions.All(a => actionText.Contains(a, StringComparison.Ordinal)), $"'{line}' should act with {string.Join(", ", actions)}");
    }
}
