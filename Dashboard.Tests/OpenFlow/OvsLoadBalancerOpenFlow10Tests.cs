using Xunit.Abstractions;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>The load balancer on a real Open vSwitch bridge that speaks only OpenFlow 1.0.</summary>
public sealed class OvsLoadBalancerOpenFlow10Tests(ITestOutputHelper output) : OvsLoadBalancerTests(output, "OpenFlow10", "10");
