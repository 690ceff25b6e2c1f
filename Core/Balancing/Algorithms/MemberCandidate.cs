namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>A member that may take a new client, with what the algorithms weigh.</summary>
/// <param name="MemberId">Stable id of the member within its service (also in the flow cookie).</param>
/// <param name="NameHash">A stable 64-bit hash of the member name, for hashing algorithms.</param>
/// <param name="Weight">1 to 1000.</param>
/// <param name="Load">The VM's monitored load, or <c>null</c> when unknown (no VM name).</param>
/// <param name="ActiveClients">Live affinity entries on this member.</param>
/// <param name="AssignedSinceSample">Clients given to the member since its load was last sampled.</param>
public readonly record struct MemberCandidate(
    int MemberId, ulong NameHash, int Weight, MemberLoad? Load, int ActiveClients, int AssignedSinceSample);
