using SdnDashboard.Core.Balancing.Algorithms;

namespace SdnDashboard.Core.Balancing;

/// <summary>Settings of the balancer common to all services.</summary>
public sealed record BalancerSettings
{
    /// <summary>A member whose last load sample is older than this is not chosen.</summary>
    public TimeSpan LoadStaleAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Idle timeout of the forward and reverse flows. Shorter than the affinity timeout: a client whose
    /// flows idle out keeps its member until the affinity itself expires.
    /// </summary>
    public ushort FlowIdleTimeoutSeconds { get; init; } = 30;

    /// <summary>Priority of the balancer's flows: above the learning switch's.</summary>
    public ushort FlowPriority { get; init; } = 200;

    /// <summary>Least time between two ARP probes for the same member.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(5);

    public LeastLoadWeights LeastLoad { get; init; } = new();
}
