namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>The member with the fewest live affinity entries per unit of weight; ties go to the earlier member.</summary>
public sealed class LeastConnectionsAlgorithm : IBalancingAlgorithm
{
    public string Name => BalancingAlgorithms.LeastConnections;

    public int Select(ReadOnlySpan<MemberCandidate> candidates, ulong clientKey)
    {
        var best = 0;
        for (var i = 1; i < candidates.Length; i++)
        {
            if (FewerPerWeight(candidates[i], candidates[best]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>a.Active / a.Weight &lt; b.Active / b.Weight, without division.</summary>
    internal static bool FewerPerWeight(in MemberCandidate a, in MemberCandidate b) =>
        (long)a.ActiveClients * b.Weight < (long)b.ActiveClients * a.Weight;
}
