using System.Collections.Immutable;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Dashboard.Live;

/// <summary>An immutable view of the cluster as the bus last described it; pages render it as is.</summary>
public sealed record ClusterSnapshot
{
    public static readonly ClusterSnapshot Empty = new();

    public ImmutableDictionary<string, HostSample> Hosts { get; init; } = ImmutableDictionary<string, HostSample>.Empty;

    /// <summary>VMs by UUID.</summary>
    public ImmutableDictionary<string, VmSample> Vms { get; init; } = ImmutableDictionary<string, VmSample>.Empty;

    /// <summary>Cluster-wide VM network rate, one point per update, the last 15 minutes.</summary>
    public ImmutableList<TrafficPoint> Traffic { get; init; } = [];

    /// <summary>The last status each source reported, by <c>kind:source</c>.</summary>
    public ImmutableDictionary<string, SourceStatus> Sources { get; init; } = ImmutableDictionary<string, SourceStatus>.Empty;

    /// <summary>Sources whose last report says they are down.</summary>
    public IEnumerable<SourceStatus> DownSources => Sources.Values.Where(s => !s.Up).OrderBy(s => s.Kind).ThenBy(s => s.Source);

    /// <summary>When the last message arrived; <c>null</c> before the first.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    public int VmsRunning => Vms.Values.Count(v => v.State == "running");

    public double RxBytesPerSec => Vms.Values.Sum(v => v.NetRxBytesPerSec);

    public double TxBytesPerSec => Vms.Values.Sum(v => v.NetTxBytesPerSec);
}

/// <summary>Total VM receive and transmit rate at one moment.</summary>
public sealed record TrafficPoint(DateTimeOffset At, double RxBytesPerSec, double TxBytesPerSec);
