using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Dashboard.Hubs;

/// <summary>What hub clients receive: the cluster as the bus last described it, with a sequence number.</summary>
public sealed record ClusterUpdate(long Sequence, DateTimeOffset? UpdatedAt, IReadOnlyList<HostSample> Nodes, IReadOnlyList<VmSample> Vms);
