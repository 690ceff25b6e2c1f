namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>
/// The paper's dynamic balancing: the member whose VM has the lowest weighted score of CPU, memory and
/// network load from monitoring, per unit of weight. Monitoring lags, so each client assigned since the
/// last sample adds <see cref="LeastLoadWeights.PerAssignment"/> points; without it a burst of clients
/// between two polls would all land on the member that looked idlest. Members with unknown load score
/// only their live clients times that penalty.
/// </summary>
public sealed class LeastLoadAlgorithm(LeastLoadWeights weights) : IBalancingAlgorithm
{
    public string Name => BalancingAlgorithms.LeastLoad;

    public int Select(ReadOnlySpan<MemberCandidate> candidates, ulong clientKey)
    {
        var best = 0;
        var bestScore = double.MaxValue;
        for (var i = 0; i < candidates.Length; i++)
        {
            var score = Score(candidates[i]);
            if (score < bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return best;
    }

    /// <summary>Load points (0-100 scale per resource) per unit of weight; lower is better.</summary>
    public double Score(in MemberCandidate candidate)
    {
        double points;
        if (candidate.Load is { } load)
        {
            var network = Math.Min(100, load.NetBytesPerSec * 100 / weights.NetworkCapacityBytesPerSec);
            points = (weights.Cpu * Math.Clamp(load.CpuPercent, 0, 100))
                + (weights.Memory * Math.Clamp(load.MemoryPercent ?? 0, 0, 100))
                + (weights.Network * network)
                + (weights.PerAssignment * candidate.AssignedSinceSample);
        }
        else
        {
            points = weights.PerAssignment * candidate.ActiveClients;
        }

        return points / candidate.Weight;
    }
}
