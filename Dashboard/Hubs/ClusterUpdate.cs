using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Hubs;

/// <summary>
/// The hub's full-state message (<c>cluster</c>): every node and VM as the bus last described them, and the
/// sequence number of the last <see cref="ClusterDelta"/> broadcast, after which the client applies deltas.
/// </summary>
public sealed record ClusterUpdate(long Sequence, DateTimeOffset? UpdatedAt, IReadOnlyList<HostSample> Nodes, IReadOnlyList<VmSample> Vms)
{
    /// <summary>The full state of <paramref name="snapshot"/>, nodes and VMs in a stable order.</summary>
    public static ClusterUpdate From(long sequence, ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(sequence, snapshot.UpdatedAt,
            [.. snapshot.Hosts.Values.OrderBy(h => h.Host, StringComparer.Ordinal)],
            [.. snapshot.Vms.Values.OrderBy(v => v.Host, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal)]);
    }
}
