using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Balancing.Algorithms;

namespace SdnDashboard.Dashboard.Balancer;

/// <summary>The <c>Balancer</c> section: the load-balanced services and the controller apps' timers.</summary>
public sealed class BalancerOptions
{
    public const string Section = "Balancer";

    /// <summary>The services at start; editable at run time through <see cref="BalancerState"/>.</summary>
    public List<ServiceDefinition> Services { get; init; } = [];

    /// <summary>A member whose VM's last monitoring sample is older than this is not chosen. 1 to 3600.</summary>
    public int LoadStaleSeconds { get; set; } = 30;

    /// <summary>Idle timeout of the balancer's flows; shorter than the affinity timeout. 1 to 65535.</summary>
    public int FlowIdleTimeoutSeconds { get; set; } = 30;

    /// <summary>Priority of the balancer's flows, above the learning switch's (1). 2 to 65535.</summary>
    public int FlowPriority { get; set; } = 200;

    /// <summary>Least time between two ARP probes for one member. 1 to 3600.</summary>
    public int ProbeIntervalSeconds { get; set; } = 5;

    /// <summary>Idle timeout of the learning switch's flows. 0 (never) to 65535.</summary>
    public int LearningSwitchIdleTimeoutSeconds { get; set; } = 60;

    /// <summary>How <c>LeastLoad</c> weighs CPU, memory and network.</summary>
    public LeastLoadWeights LeastLoad { get; init; } = new();

    public BalancerSettings ToSettings() => new()
    {
        LoadStaleAfter = TimeSpan.FromSeconds(LoadStaleSeconds),
        FlowIdleTimeoutSeconds = (ushort)FlowIdleTimeoutSeconds,
        FlowPriority = (ushort)FlowPriority,
        ProbeInterval = TimeSpan.FromSeconds(ProbeIntervalSeconds),
        LeastLoad = LeastLoad,
    };
}
