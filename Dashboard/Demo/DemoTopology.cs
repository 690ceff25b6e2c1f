using System.Globalization;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Dashboard.Demo;

/// <summary>
/// What is plugged into the demo switch: the built-in testbed's six VMs (the four web members, db-1 and
/// cache-1) on ports 1-6, and a pool of clients on ports 101 and up that come and go.
/// </summary>
public static class DemoTopology
{
    /// <summary>The demo switch's datapath id ("de30" = demo).</summary>
    public const ulong DatapathId = 0x0000_0000_0000_de30;

    /// <summary>The testbed's web service address the clients connect to.</summary>
    public const string ServiceIp = "10.0.0.100";

    public const ushort ServicePort = 80;

    private static readonly (string Name, string Mac, string Ip)[] Vms =
    [
        ("web-1", "52:54:00:00:01:01", "10.0.0.11"),
        ("web-2", "52:54:00:00:01:02", "10.0.0.12"),
        ("db-1", "52:54:00:00:01:03", "10.0.0.13"),
        ("web-3", "52:54:00:00:02:01", "10.0.0.21"),
        ("web-4", "52:54:00:00:02:02", "10.0.0.22"),
        ("cache-1", "52:54:00:00:02:03", "10.0.0.23"),
    ];

    /// <summary>The six VM hosts, ports 1-6.</summary>
    public static IReadOnlyList<DemoHost> CreateVms() =>
        [.. Vms.Select((vm, i) => DemoHost.Vm(vm.Name, MacAddress.Parse(vm.Mac), Parse(vm.Ip), (uint)(i + 1)))];

    /// <summary>
    /// <paramref name="count"/> clients client-01.. with MACs 02:00:00:00:10:NN and addresses 10.0.1.NN on ports
    /// 100+NN, each opening a connection to the service every <paramref name="connectInterval"/>.
    /// </summary>
    public static IReadOnlyList<DemoHost> CreateClients(int count, TimeSpan connectInterval)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 99);
        var service = Parse(ServiceIp);
        return [.. Enumerable.Range(1, count).Select(n => DemoHost.Client(
            string.Create(CultureInfo.InvariantCulture, $"client-{n:00}"),
            new MacAddress(0x0200_0000_1000UL + (ulong)n),
            Parse(string.Create(CultureInfo.InvariantCulture, $"10.0.1.{n}")),
            (uint)(100 + n),
            service,
            ServicePort,
            connectInterval))];
    }

    private static uint Parse(string ip) =>
        Ipv4.TryParse(ip, out var value) ? value : throw new FormatException($"{ip} is not an IPv4 address");
}
