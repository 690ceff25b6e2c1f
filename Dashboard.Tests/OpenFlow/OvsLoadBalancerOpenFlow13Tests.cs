using Xunit.Abstractions;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>The load balancer on a real Open vSwitch bridge that speaks only OpenFlow 1.3.</summary>
public sealed class OvsLoadBalancerOpenFlow13Tests(ITestOutputHelper output) : OvsLoadBalancerTests(output, "OpenFlow13", "13");
