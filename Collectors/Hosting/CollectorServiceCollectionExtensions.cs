using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SdnDashboard.Collectors.Libvirt;
using SdnDashboard.Collectors.Sflow;

namespace SdnDashboard.Collectors.Hosting;

/// <summary>Registers the collectors (libvirt poller, sFlow listener) that run on a compute node.</summary>
public static class CollectorServiceCollectionExtensions
{
    /// <summary>Adds every collector; each is a hosted service configured by its own section.</summary>
    public static IServiceCollection AddCollectors(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLibvirtCollector(configuration);
        services.AddSflowCollector(configuration);
        return services;
    }
}
