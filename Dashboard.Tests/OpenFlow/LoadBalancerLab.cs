using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>
/// A userspace (netdev) Open vSwitch bridge in fail-mode secure with namespace "VMs" that serve HTTP answering
/// their own name and namespace clients with distinct MACs, named with the balancer lab's prefixes (lbbr*, lb-*,
/// lbv*). VM i is on port i, client j on port vms + j. Removes everything it made on dispose, and any leftovers
/// of an earlier run first.
/// </summary>
internal sealed class LoadBalancerLab : IDisposable
{
    /// <summary>Debian's interpreter when present: a pyenv shim on PATH costs seconds per start on a busy machine.</summary>
    private static readonly string Python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private readonly string _tag;
    private readonly int _vms;
    private readonly int _clients;
    private readonly string _webRoot;
    private readonly List<Process> _servers = [];

    public LoadBalancerLab(string tag, string protocols, int vms, int clients, int controllerPort)
    {
        _tag = tag;
        _vms = vms;
        _clients = clients;
        Name = $"lbbr{tag}";
        _webRoot = Path.Combine(Path.GetTempPath(), $"lb-{tag}-www");
        Cleanup();
        try
        {
            Build(protocols, controllerPort);
        }
        catch
        {
            // A half-made lab is never disposed by its caller: remove it here.
            Cleanup();
            throw;
        }
    }

    private void Build(string protocols, int controllerPort)
    {
        var script = new StringBuilder();
        var ports = new StringBuilder();
        for (var port = 1; port <= _vms + _clients; port++)
        {
            var (ns, mac, ip) = port <= _vms ? (VmNamespace(port), VmMac(port), VmIp(port)) : (ClientNamespace(port - _vms), ClientMac(port - _vms), ClientIp(port - _vms));
            var veth = $"lbv{_tag}p{port}";
            script.Append(CultureInfo.InvariantCulture,
                $"(set -e; ip netns add {ns} && ip link add {veth} type veth peer name eth0 netns {ns} && ip link set {veth} up "
                + $"&& ip -n {ns} link set eth0 address {mac} && ip -n {ns} addr add {ip}/24 dev eth0 "
                + $"&& ip -n {ns} link set eth0 up && ip -n {ns} link set lo up "
                + $"&& ip netns exec {ns} ethtool -K eth0 tx off >/dev/null && ethtool -K {veth} tx off >/dev/null) & pids+=($!)\n");
            ports.Append(CultureInfo.InvariantCulture, $" -- add-port {Name} {veth} -- set interface {veth} ofport_request={port}");
        }

        // The switch connects to the controller while the hosts are being made.
        Lab.Run($"ovs-vsctl add-br {Name} -- set bridge {Name} datapath_type=netdev protocols={protocols} fail-mode=secure "
            + $"-- set-controller {Name} tcp:127.0.0.1:{controllerPort}");

        // In parallel: on a busy machine fifteen hosts one after the other take many seconds.
        Lab.Run("pids=()\n" + script + "rc=0; for p in \"${pids[@]}\"; do wait $p || rc=1; done; exit $rc");
        Lab.Run("ovs-vsctl" + ports);
    }

    public string Name { get; }

    public string Subnet => $"10.51.{_tag}";

    public string VirtualIp => VirtualIpOf(_tag);

    public string VirtualMac => VirtualMacOf(_tag);

    public string VmNamespace(int vm) => $"lb-{_tag}-vm{vm}";

    public string ClientNamespace(int client) => $"lb-{_tag}-c{client}";

    public string VmIp(int vm) => VmIpOf(_tag, vm);

    public string ClientIp(int client) => $"{Subnet}.{100 + client}";

    public string VmMac(int vm) => VmMacOf(_tag, vm);

    public string ClientMac(int client) => $"52:54:00:1c:{_tag}:{client.ToString("x2", CultureInfo.InvariantCulture)}";

    public static string VirtualIpOf(string tag) => $"10.51.{tag}.200";

    public static string VirtualMacOf(string tag) => $"02:00:00:1b:{tag}:00";

    public static string VmIpOf(string tag, int vm) => $"10.51.{tag}.{10 + vm}";

    public static string VmMacOf(string tag, int vm) => $"52:54:00:1b:{tag}:{vm.ToString("x2", CultureInfo.InvariantCulture)}";

    /// <summary>The name VM <paramref name="vm"/> answers HTTP requests with.</summary>
    public static string VmName(int vm) => $"vm{vm}";

    public static int VmPort(int vm) => vm;

    public int ClientPort(int client) => _vms + client;

    public string DumpFlows(string protocol) => Lab.Run($"ovs-ofctl -O {protocol} dump-flows {Name}").Output;

    /// <summary>Starts <c>python3 -m http.server</c> on port 80 in every VM; <see cref="WaitForHttpServers"/> waits for them.</summary>
    public void StartHttpServers()
    {
        for (var vm = 1; vm <= _vms; vm++)
        {
            var root = Path.Combine(_webRoot, VmName(vm));
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "index.html"), VmName(vm));
            _servers.Add(Lab.Start($"exec ip netns exec {VmNamespace(vm)} {Python} -m http.server 80 --bind 0.0.0.0 --directory {root} >/dev/null 2>&1"));
        }
    }

    /// <summary>Waits until every VM's HTTP server answers locally.</summary>
    public void WaitForHttpServers()
    {
        for (var vm = 1; vm <= _vms; vm++)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Lab.Run($"ip netns exec {VmNamespace(vm)} curl -s --max-time 2 http://127.0.0.1/", check: false).Output != VmName(vm))
            {
                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"the HTTP server in {VmNamespace(vm)} did not answer within 20 s");
                }

                Thread.Sleep(100);
            }
        }
    }

    /// <summary>One HTTP request from a client to the virtual IP: the body (the serving VM's name), or the failure.</summary>
    public Lab.Result Get(int client) =>
        Lab.Run($"ip netns exec {ClientNamespace(client)} curl -s --connect-timeout 4 --max-time 8 http://{VirtualIp}/", check: false);

    public Lab.Result Ping(int fromVm, int toVm) =>
        Lab.Run($"ip netns exec {VmNamespace(fromVm)} ping -c 1 -W 1 {VmIp(toVm)}", check: false);

    private void Cleanup()
    {
        foreach (var server in _servers)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit(5000);
            }

            server.Dispose();
        }

        _servers.Clear();
        Lab.Run($"ovs-vsctl --if-exists del-br {Name}", check: false);
        var namespaces = Enumerable.Range(1, _vms).Select(VmNamespace).Concat(Enumerable.Range(1, _clients).Select(ClientNamespace));

        // A server left by a crashed run would keep its namespace's network alive; only this lab's namespaces are touched.
        Lab.Run(string.Join('\n', namespaces.Select(ns => $"ip netns pids {ns} 2>/dev/null | xargs -r kill -9; ip netns del {ns} 2>/dev/null")), check: false);
        if (Directory.Exists(_webRoot))
        {
            Directory.Delete(_webRoot, recursive: true);
        }
    }

    public void Dispose() => Cleanup();
}
