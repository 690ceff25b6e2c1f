using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Apps;
using SdnDashboard.Dashboard.Balancer;

namespace SdnDashboard.Bench.OpenFlow;

/// <summary>
/// The controller apps exactly as the dashboard composes them (Dashboard/Balancer's AddBalancer with the default
/// <c>Balancer</c> section and no service): the load balancer first, then the learning switch, in one
/// <see cref="ControllerPipeline"/>. Used where the benchmark hosts the server itself (<c>serve</c>, <c>micro</c>).
/// </summary>
internal static class ProductApps
{
    public static ControllerPipeline CreatePipeline()
    {
        var options = new BalancerOptions();
        var state = new BalancerState(options.ToSettings(), options.Services);
        return new ControllerPipeline([new LearningSwitchApp((ushort)options.LearningSwitchIdleTimeoutSeconds), new LoadBalancerApp(state)]);
    }
}
