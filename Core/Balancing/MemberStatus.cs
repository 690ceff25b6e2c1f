namespace SdnDashboard.Core.Balancing;

/// <summary>A member as the UI and the API read it.</summary>
/// <param name="Definition">The member as configured.</param>
/// <param name="Drained">Drained by an operator: keeps its clients, takes no new ones.</param>
/// <param name="LocationKnown">Seen on some switch port.</param>
/// <param name="Load">The VM's last load sample, if any.</param>
/// <param name="ActiveClients">Live affinity entries.</param>
/// <param name="Eligible">Whether a new client could be given to it now, on some switch.</param>
/// <param name="Reason">Why it is not eligible (drained, location unknown, VM not running, monitoring stale), or empty.</param>
public sealed record MemberStatus(
    MemberDefinition Definition, bool Drained, bool LocationKnown, MemberLoad? Load, int ActiveClients, bool Eligible, string Reason);
