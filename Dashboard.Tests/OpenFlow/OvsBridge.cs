using System.Globalization;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>
/// A userspace (netdev) Open vSwitch bridge in fail-mode secure with namespace hosts on veth pairs, named with
/// this area's prefixes (ofbr*, of-*, ofv*). Removes everything it made on dispose, and any leftovers first.
/// </summary>
internal sealed class OvsBridge : IDisposable
{
    private readonly List<string> _namespaces = [];

    public OvsBridge(string tag, string protocols, int hosts, string subnet)
    {
        Name = $"ofbr{tag}";
        Subnet = subnet;
        for (var i = 1; i <= hosts; i++)
        {
            _namespaces.Add($"of-{tag}-h{i}");
        }

        Cleanup();
        Lab.Run($"ovs-vsctl add-br {Name} -- set bridge {Name} datapath_type=netdev protocols={protocols} fail-mode=secure");
        for (var i = 1; i <= hosts; i++)
        {
            var ns = Namespace(i);
            var veth = $"ofv{tag}{i}";
            Lab.Run($"ip netns add {ns} && ip link add {veth} type veth peer name eth0 netns {ns} && ip link set {veth} up "
                + $"&& ovs-vsctl add-port {Name} {veth} -- set interface {veth} ofport_request={i} "
                + $"&& ip netns exec {ns} ip link set eth0 address {Mac(i)} && ip netns exec {ns} ip addr add {Ip(i)}/24 dev eth0 "
                + $"&& ip netns exec {ns} ip link set eth0 up && ip netns exec {ns} ip link set lo up "
                + $"&& ip netns exec {ns} ethtool -K eth0 tx off >/dev/null && ethtool -K {veth} tx off >/dev/null");
        }
    }

    public string Name { get; }

    public string Subnet { get; }

    public string Namespace(int host) => _namespaces[host - 1];

    public string Ip(int host) => $"{Subnet}.{host}";

    public static string Mac(int host) => $"52:54:00:0f:00:{host.ToString("x2", CultureInfo.InvariantCulture)}";

    public void SetController(int port) => Lab.Run($"ovs-vsctl set-controller {Name} tcp:127.0.0.1:{port}");

    public void DeleteController() => Lab.Run($"ovs-vsctl del-controller {Name}");

    public string DumpFlows(string protocol) => Lab.Run($"ovs-ofctl -O {protocol} dump-flows {Name}").Output;

    public Lab.Result Ping(int from, int to, int count = 3) =>
        Lab.Run($"ip netns exec {Namespace(from)} ping -c {count} -i 0.2 -W 2 {Ip(to)}", check: false);

    private void Cleanup()
    {
        Lab.Run($"ovs-vsctl --if-exists del-br {Name}", check: false);
        foreach (var ns in _namespaces)
        {
            Lab.Run($"ip netns del {ns} 2>/dev/null", check: false);
        }
    }

    public void Dispose() => Cleanup();
}
