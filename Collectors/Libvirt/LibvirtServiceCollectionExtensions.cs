using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>Registers the libvirt collector.</summary>
public static class LibvirtServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Libvirt</c> section, and adds the polling service when it lists at least
    /// one URI. Needs an <see cref="Core.Bus.ITelemetryBus"/> (AddTelemetryBus) in the container.
    /// </summary>
    public static IServiceCollection AddLibvirtCollector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LibvirtOptions>, LibvirtOptionsValidator>());
        services.AddOptions<LibvirtOptions>().BindConfiguration(LibvirtOptions.Section).ValidateOnStart();
        var uris = configuration.GetSection(LibvirtOptions.Section).Get<LibvirtOptions>()?.Uris ?? [];
        if (uris.Count > 0)
        {
            services.AddHostedService<LibvirtCollectorService>();
        }

        return services;
    }
}
