using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Hubs;

/// <summary>
/// The hub's change message (<c>delta</c>): the nodes whose poll changed since the previous message, their
/// VMs, and what disappeared. <see cref="Sequence"/> is one more than the previous message's, so a client
/// that sees a jump knows it missed one and asks for the full state again.
/// </summary>
public sealed record ClusterDelta(
    long Sequence, DateTimeOffset? UpdatedAt, IReadOnlyList<HostSample> Nodes, IReadOnlyList<VmSample> Vms,
    IReadOnlyList<string> RemovedNodes, IReadOnlyList<string> RemovedVms)
{
    /// <summary>Whether nothing changed, so there is nothing to send.</summary>
    public bool IsEmpty => Nodes.Count == 0 && Vms.Count == 0 && RemovedNodes.Count == 0 && RemovedVms.Count == 0;

    /// <summary>
    /// What changed from <paramref name="sent"/> to <paramref name="current"/>. The feed replaces a record
    /// only when a poll reports it, so a reference comparison finds exactly the polled nodes and VMs.
    /// </summary>
    public static ClusterDelta Between(ClusterSnapshot sent, ClusterSnapshot current, long sequence)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(current);
        var nodes = current.Hosts.Values
            .Where(h => !sent.Hosts.TryGetValue(h.Host, out var before) || !ReferenceEquals(before, h))
            .OrderBy(h => h.Host, StringComparer.Ordinal).ToList();
        var vms = current.Vms
            .Where(p => !sent.Vms.TryGetValue(p.Key, out var before) || !ReferenceEquals(before, p.Value))
            .Select(p => p.Value)
            .OrderBy(v => v.Host, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal).ToList();
        var removedNodes = sent.Hosts.Keys.Where(k => !current.Hosts.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var removedVms = sent.Vms.Keys.Where(k => !current.Vms.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        return new(sequence, current.UpdatedAt, nodes, vms, removedNodes, removedVms);
    }
}
