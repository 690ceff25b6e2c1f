using System.Globalization;
using System.Net.Sockets;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>
/// The controller driving a real Open vSwitch (userspace datapath, fail-mode secure) with namespace hosts:
/// forwarding works only through the flows our server installs, the flow-stats poll sees them, a junk client
/// is dropped without disturbing the switch, and a reconnect gets the flows re-installed. Needs root.
/// </summary>
public class OvsControllerIntegrationTests
{
    [Theory]
    [InlineData("OpenFlow13", OfVersion.V13, "13", "10.13.0")]
    [InlineData("OpenFlow10", OfVersion.V10, "10", "10.10.0")]
    public async Task LearningSwitch_OnRealOvs_ForwardsPollsSurvivesJunkAndReinstallsOnReconnect(
        string protocol, byte version, string tag, string subnet)
    {
        Lab.RequireOpenVSwitch();
        var app = new TestLearningSwitch();
        await using var harness = await ControllerHarness.StartAsync(new ControllerOptions { FlowStatsIntervalSeconds = 1, EchoIntervalSeconds = 2 }, app);
        using var bridge = new OvsBridge(tag, protocol, hosts: 3, subnet);
        bridge.SetController(harness.Endpoint.Port);
        await ControllerHarness.EventuallyAsync(() => harness.Server.ConnectedDatapaths.Count == 1, $"{bridge.Name} connects", 20_000);

        var dpid = harness.Server.ConnectedDatapaths.Single();
        var ovsDpid = Lab.Run($"ovs-vsctl get bridge {bridge.Name} datapath_id").Output.Trim().Trim('"');
        Assert.Equal(ovsDpid, dpid.ToString("x16", CultureInfo.InvariantCulture));
        var view = harness.Registry.Get(dpid)!;
        Assert.Equal(version, view.Version);
        Assert.Contains(view.Ports, p => p.Number == 1 && p.Name == $"ofv{tag}1");

        // Forwarding: secure fail-mode means nothing passes unless our flows say so.
        AssertPings(bridge, protocol, 1, 2);
        AssertTcp(bridge, 1, 3);
        var flows = bridge.DumpFlows(protocol);
        Assert.Contains("priority=0 actions=CONTROLLER:65535", flows, StringComparison.Ordinal);
        Assert.Contains($"dl_src={OvsBridge.Mac(1)},dl_dst={OvsBridge.Mac(2)}", flows, StringComparison.Ordinal);
        Assert.Contains($"dl_src={OvsBridge.Mac(2)},dl_dst={OvsBridge.Mac(1)}", flows, StringComparison.Ordinal);

        // Flow-table view: the poll shows what OVS holds, and it is exactly what the controller intended.
        var after = DateTimeOffset.UtcNow;
        await ControllerHarness.EventuallyAsync(() => harness.Registry.Get(dpid)?.LastStatsAt > after.AddSeconds(0.5), "a flow-stats poll", 10_000);
        view = harness.Registry.Get(dpid)!;
        var learned = view.Flows.Where(f => f.Priority == TestLearningSwitch.FlowPriority).ToList();
        Assert.Contains(learned, f => f.Match.EthSrc == MacAddress.Parse(OvsBridge.Mac(1)) && f.Match.EthDst == MacAddress.Parse(OvsBridge.Mac(2))
            && f.Match.InPort == 1 && f.Actions is [OutputAction { Port: 2 }] && f.PacketCount > 0);
        Assert.Contains(view.Flows, f => f.Priority == 0 && f.Match == PacketMatch.Any);
        Assert.All(learned, f => Assert.Equal(TestLearningSwitch.IdleTimeout, f.IdleTimeoutSeconds));
        Assert.True(view.IntendedButMissing.Count == 0, "intended but missing: " + string.Join("; ", view.IntendedButMissing));
        Assert.True(view.PresentButUnintended.Count == 0, "present but unintended: " + string.Join("; ", view.PresentButUnintended));

        // A junk client is dropped alone; the switch keeps working.
        using (var junk = new TcpClient())
        {
            await junk.ConnectAsync(harness.Endpoint);
            await junk.GetStream().WriteAsync(new byte[] { 0x99, 0x00, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 7, 8 });
            var buffer = new byte[1024];
            using var timeout = new CancellationTokenSource(5000);
            while (await junk.GetStream().ReadAsync(buffer, timeout.Token) > 0)
            {
                // Drain until the controller closes the connection.
            }
        }

        Assert.Equal([dpid], harness.Server.ConnectedDatapaths);
        AssertPings(bridge, protocol, 2, 3);

        // Reconnect: drop the controller, wipe the switch's table, come back; the app re-installs its flows.
        bridge.DeleteController();
        await ControllerHarness.EventuallyAsync(() => app.Events.OfType<SwitchDisconnected>().Any(), "disconnect seen", 10_000);
        Lab.Run($"ovs-ofctl -O {protocol} del-flows {bridge.Name}");
        Assert.DoesNotContain("priority=0", bridge.DumpFlows(protocol), StringComparison.Ordinal);
        bridge.SetController(harness.Endpoint.Port);
        await ControllerHarness.EventuallyAsync(() => app.Events.OfType<SwitchConnected>().Count() == 2, "reconnect seen", 20_000);
        await ControllerHarness.EventuallyAsync(() => bridge.DumpFlows(protocol).Contains("priority=0 actions=CONTROLLER:65535", StringComparison.Ordinal), "table-miss flow re-installed", 5000);
        AssertPings(bridge, protocol, 1, 2);
        Assert.Contains($"dl_src={OvsBridge.Mac(1)},dl_dst={OvsBridge.Mac(2)}", bridge.DumpFlows(protocol), StringComparison.Ordinal);
        Assert.Equal(["SwitchConnected", "SwitchDisconnected", "SwitchConnected"], app.Events.Select(e => e.GetType().Name));
    }

    private static void AssertPings(OvsBridge bridge, string protocol, int from, int to)
    {
        Lab.Result ping = bridge.Ping(from, to);
        for (var attempt = 0; attempt < 2 && ping.ExitCode != 0; attempt++)
        {
            ping = bridge.Ping(from, to);
        }

        Assert.True(ping.ExitCode == 0, $"ping {bridge.Ip(from)} -> {bridge.Ip(to)} failed: {ping.Output} {ping.Error}\n{bridge.DumpFlows(protocol)}");
    }

    private static void AssertTcp(OvsBridge bridge, int client, int server)
    {
        using var listener = Lab.Start($"ip netns exec {bridge.Namespace(server)} timeout 20 python3 -c \"import socket;s=socket.socket();"
            + "s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(('0.0.0.0',8080));s.listen(1);c,_=s.accept();"
            + "c.sendall(c.recv(100)[::-1]);c.close()\"");
        // The listener's python may take longer than any fixed sleep to bind on a loaded machine: a refused
        // connection (the SYN did get through) is retried until it binds.
        var result = Lab.Run($"ip netns exec {bridge.Namespace(client)} timeout 15 python3 -c \"import socket,time\n"
            + "for attempt in range(40):\n"
            + $"  try:\n    s=socket.create_connection(('{bridge.Ip(server)}',8080),timeout=10);break\n"
            + "  except ConnectionRefusedError:\n    time.sleep(0.25)\n"
            + "s.sendall(b'hello over tcp');print(s.recv(100).decode())\"",
            check: false);
        listener.WaitForExit(5000);
        Assert.True(result.Output.Trim() == "pct revo olleh", $"TCP {bridge.Ip(client)} -> {bridge.Ip(server)}:8080 failed: {result.Output} {result.Error}");
    }
}
