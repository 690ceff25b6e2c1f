using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control.Apps;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Tests.Balancing;

/// <summary>
/// The scenario network: one switch, the load balancer and the learning switch, a web service at
/// 10.0.0.100:80 with members m1..mN on ports 1..N and clients c1..cK on ports 11.., each with its own MAC.
/// </summary>
public sealed class BalancerTestbed
{
    public const string ServiceName = "web";
    public const string VirtualIpText = "10.0.0.100";
    public const string VirtualMacText = "02:00:00:00:01:00";
    public const ushort ServicePort = 80;

    public static readonly uint VirtualIp = 0x0A00_0064;
    public static readonly MacAddress VirtualMac = MacAddress.Parse(VirtualMacText);

    private ushort _nextPort = 40000;

    public BalancerTestbed(
        int members = 3, int clients = 6, string algorithm = "RoundRobin", string affinity = "SourceMac",
        IReadOnlySet<int>? absentMembers = null, bool withVmNames = false, int[]? weights = null)
    {
        Definition = MakeDefinition(members, algorithm, affinity, withVmNames, weights);
        State = new BalancerState(new BalancerSettings(), [Definition], new Random(42));
        LoadBalancer = new LoadBalancerApp(State);
        LearningSwitch = new LearningSwitchApp();
        Network = new FakeNetwork([LearningSwitch, LoadBalancer]);
        for (var i = 1; i <= members; i++)
        {
            if (absentMembers?.Contains(i) == true)
            {
                continue;
            }

            Members.Add(Network.Attach($"m{i}", MemberMac(i), MemberIp(i), (uint)i, servesTcp: true));
        }

        for (var i = 1; i <= clients; i++)
        {
            Clients.Add(Network.Attach($"c{i}", ClientMac(i), ClientIp(i), (uint)(10 + i)));
        }

        Network.Connect();
    }

    public ServiceDefinition Definition { get; }

    public BalancerState State { get; }

    public LoadBalancerApp LoadBalancer { get; }

    public LearningSwitchApp LearningSwitch { get; }

    public FakeNetwork Network { get; }

    public List<FakeHost> Members { get; } = [];

    public List<FakeHost> Clients { get; } = [];

    public static MacAddress MemberMac(int i) => new(0x5254_0000_0000UL + (ulong)i);

    public static uint MemberIp(int i) => 0x0A00_000AU + (uint)i;

    public static MacAddress ClientMac(int i) => new(0x5254_0001_0000UL + (ulong)i);

    public static uint ClientIp(int i) => 0x0A00_0032U + (uint)i;

    public static ServiceDefinition MakeDefinition(
        int members, string algorithm = "RoundRobin", string affinity = "SourceMac", bool withVmNames = false, int[]? weights = null) => new()
        {
            Name = ServiceName,
            VirtualIp = VirtualIpText,
            VirtualMac = VirtualMacText,
            Port = ServicePort,
            Algorithm = algorithm,
            Affinity = new AffinityDefinition { Mode = affinity, IdleTimeoutSeconds = 300 },
            Members = [.. Enumerable.Range(1, members).Select(i => new MemberDefinition
            {
                Name = $"m{i}",
                Mac = MemberMac(i).ToString(),
                Ip = Ipv4.Format(MemberIp(i)),
                Weight = weights?[i - 1] ?? 1,
                VmName = withVmNames ? $"vm-m{i}" : null,
            })],
        };

    /// <summary>One request from a client to the service (a SYN from a fresh source port); returns the member that got it.</summary>
    public FakeHost? Request(FakeHost client)
    {
        var before = Members.ToDictionary(m => m, m => m.ReceivedIp.Count(h => h.Ipv4Src == client.Ip));
        Network.Send(client, client.SendTcp(VirtualIp, NextPort(), ServicePort));
        var served = Members.Where(m => m.ReceivedIp.Count(h => h.Ipv4Src == client.Ip) > before[m]).ToList();
        Assert.True(served.Count <= 1, $"{client} reached {served.Count} members: {string.Join(", ", served)}");
        return served.SingleOrDefault();
    }

    /// <summary>Which member each client's request reached.</summary>
    public Dictionary<FakeHost, FakeHost?> RequestAll(IEnumerable<FakeHost>? clients = null) =>
        (clients ?? Clients).ToDictionary(c => c, Request);

    public FakeHost Member(string name) => Members.Single(m => m.Name == name);

    /// <summary>Loads for every member's VM: running, fresh, the given CPU (default 10 %).</summary>
    public void ReportLoads(Func<string, MemberLoad?>? load = null)
    {
        var loads = new Dictionary<string, MemberLoad>();
        for (var i = 1; i <= Definition.Members.Count; i++)
        {
            var vm = $"vm-m{i}";
            loads[vm] = load?.Invoke($"m{i}") ?? new MemberLoad(10, 20, 1000, Network.Now, MemberLoad.Running);
        }

        State.UpdateLoads(loads, Network.Now);
    }

    private ushort NextPort() => _nextPort++;
}
