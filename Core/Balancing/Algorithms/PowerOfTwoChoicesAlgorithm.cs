namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>
/// Two members drawn at random, the one with fewer live clients per weight wins: nearly the balance of
/// least-connections without every decision herding onto the same least-loaded member.
/// </summary>
public sealed class PowerOfTwoChoicesAlgorithm(Random random) : IBalancingAlgorithm
{
    public string Name => BalancingAlgorithms.PowerOfTwoChoices;

    public int Select(ReadOnlySpan<MemberCandidate> candidates, ulong clientKey)
    {
        if (candidates.Length == 1)
        {
            return 0;
        }

        var a = random.Next(candidates.Length);
        var b = random.Next(candidates.Length - 1);
        if (b >= a)
        {
            b++;
        }

        return LeastConnectionsAlgorithm.FewerPerWeight(candidates[b], candidates[a]) ? b : a;
    }
}
