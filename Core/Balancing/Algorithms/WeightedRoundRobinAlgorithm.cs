namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>
/// Smooth weighted round robin (nginx): every pick adds each member's weight to its current value, takes the
/// largest and subtracts the total from it. Over one cycle of sum(weights) picks each member is chosen
/// exactly weight times, interleaved rather than in runs.
/// </summary>
public sealed class WeightedRoundRobinAlgorithm : IBalancingAlgorithm
{
    private readonly Dictionary<int, long> _current = [];

    public string Name => BalancingAlgorithms.WeightedRoundRobin;

    public int Select(ReadOnlySpan<MemberCandidate> candidates, ulong clientKey)
    {
        long total = 0;
        var best = -1;
        long bestValue = long.MinValue;
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            var value = _current.GetValueOrDefault(c.MemberId) + c.Weight;
            _current[c.MemberId] = value;
            total += c.Weight;
            if (value > bestValue)
            {
                bestValue = value;
                best = i;
            }
        }

        _current[candidates[best].MemberId] = bestValue - total;
        return best;
    }
}
