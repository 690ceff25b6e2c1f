namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>
/// Picks the member for a new client. Called under the balancer's lock, so implementations may keep
/// state without locking; one instance serves one service.
/// </summary>
public interface IBalancingAlgorithm
{
    /// <summary>The name used in configuration, e.g. <c>RoundRobin</c>.</summary>
    string Name { get; }

    /// <summary>Returns the index in <paramref name="candidates"/> (never empty) of the chosen member.</summary>
    /// <param name="candidates">The eligible members, in member order.</param>
    /// <param name="clientKey">The client's MAC or IP as a number, for hashing algorithms.</param>
    int Select(ReadOnlySpan<MemberCandidate> candidates, ulong clientKey);
}
