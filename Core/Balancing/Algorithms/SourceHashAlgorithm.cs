namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>
/// Weighted rendezvous (highest random weight) hashing of the client key: each member scores
/// <c>weight / -ln(u)</c> with <c>u</c> a uniform hash of (client, member), the highest wins. Adding or
/// removing a member moves only the clients that member wins or held, about 1/n of them.
/// </summary>
public sealed class SourceHashAlgorithm : IBalancingAlgorithm
{
    public string Name => BalancingAlgorithms.SourceHash;

    public int Select(ReadOnlySpan<MemberCandidate> candidates, ulong clientKey)
    {
        var best = 0;
        var bestScore = double.MinValue;
        for (var i = 0; i < candidates.Length; i++)
        {
            var hash = Mix(clientKey ^ candidates[i].NameHash);

            // 53 random bits into (0, 1): never 0, so the logarithm is finite.
            var u = ((hash >> 11) + 0.5) / (1UL << 53);
            var score = candidates[i].Weight / -Math.Log(u);
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return best;
    }

    /// <summary>The splitmix64 finaliser: every input bit affects every output bit.</summary>
    internal static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
