using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SdnDashboard.Dashboard.Demo;

/// <summary>Registers the demo cluster (simulated switch and clients) that runs while the built-in testbed is on.</summary>
public static class DemoClusterServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DemoClusterService"/>; it does nothing unless <c>Testbed:Enabled</c> is <c>true</c>.</summary>
    public static IServiceCollection AddDemoCluster(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<DemoClusterService>();
        return services;
    }
}
