using System.Globalization;
using Microsoft.AspNetCore.Components;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>Top flows from sFlow now, and for each VM the peers it talks to most; live.</summary>
public partial class FlowsPage : SnapshotComponentBase<TrafficSnapshot>
{
    private const int TopCount = 25;
    private TrafficSnapshot _snapshot = new([], null);
    private IReadOnlyList<FlowRate> _top = [];
    private IReadOnlyList<Talker> _talkers = [];
    private Dictionary<string, string> _vmByMac = [];

    [Inject]
    private TrafficFeed Traffic { get; set; } = default!;

    [Inject]
    private ClusterFeed Cluster { get; set; } = default!;

    protected override TrafficSnapshot CurrentSnapshot => Traffic.Current;

    protected override IAsyncEnumerable<TrafficSnapshot> WatchChanges(CancellationToken cancellationToken) => Traffic.WatchAsync(cancellationToken);

    protected override void Show(TrafficSnapshot snapshot)
    {
        _snapshot = snapshot;
        _vmByMac = Cluster.Current.Vms.Values.SelectMany(v => v.Interfaces.Select(i => (i.Mac, v.Name)))
            .GroupBy(x => x.Mac, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
        _top = snapshot.TopFlows(TopCount);
        var flows = snapshot.Batches.SelectMany(b => b.TopFlows).ToList();
        _talkers = flows.SelectMany(f => new[]
            {
                (Vm: VmOf(f.SrcMac), Peer: Endpoint(f.DstIp, 0, f.DstMac), f.BytesPerSec),
                (Vm: VmOf(f.DstMac), Peer: Endpoint(f.SrcIp, 0, f.SrcMac), f.BytesPerSec),
            })
            .Where(t => t.Vm is not null)
            .GroupBy(t => (t.Vm, t.Peer))
            .Select(g => new Talker(g.Key.Vm!, g.Key.Peer, g.Sum(t => t.BytesPerSec)))
            .GroupBy(t => t.Vm)
            .SelectMany(g => g.OrderByDescending(t => t.BytesPerSec).Take(3))
            .OrderBy(t => t.Vm, StringComparer.Ordinal).ThenByDescending(t => t.BytesPerSec)
            .ToList();
    }

    private string? VmOf(string? mac) => mac is not null && _vmByMac.TryGetValue(mac, out var vm) ? vm : null;

    private string Endpoint(string ip, int port, string? mac)
    {
        var vm = VmOf(mac);
        var address = port > 0 ? string.Create(CultureInfo.InvariantCulture, $"{ip}:{port}") : ip;
        return vm is null ? address : $"{address} ({vm})";
    }

    private static string Protocol(int protocol) => protocol switch
    {
        6 => "TCP",
        17 => "UDP",
        1 => "ICMP",
        58 => "ICMPv6",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    private sealed record Talker(string Vm, string Peer, double BytesPerSec);
}
