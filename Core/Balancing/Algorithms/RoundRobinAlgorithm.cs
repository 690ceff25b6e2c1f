namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>
/// Each new client goes to the next member by member id after the last one chosen, so members that are
/// skipped (drained, not located) do not shift the turn of the others.
/// </summary>
public sealed class RoundRobinAlgorithm : IBalancingAlgorithm
{
    private int _lastMemberId = -1;

    public string Name => BalancingAlgorithms.RoundRobin;

    public int Select(ReadOnlySpan<MemberCandidate> candidates, ulong clientKey)
    {
        var next = -1;
        var lowest = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var id = candidates[i].MemberId;
            if (id < candidates[lowest].MemberId)
            {
                lowest = i;
            }

            if (id > _lastMemberId && (next < 0 || id < candidates[next].MemberId))
            {
                next = i;
            }
        }

        var chosen = next >= 0 ? next : lowest;
        _lastMemberId = candidates[chosen].MemberId;
        return chosen;
    }
}
