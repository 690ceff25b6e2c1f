using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SdnDashboard.Collectors.Sflow;

/// <summary>Registers the sFlow collector and its <c>Sflow</c> options.</summary>
public static class SflowServiceCollectionExtensions
{
    public static IServiceCollection AddSflowCollector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<SflowOptions>, SflowOptionsValidator>();
        services.AddOptions<SflowOptions>().BindConfiguration(SflowOptions.Section).ValidateOnStart();
        services.AddSingleton<SflowCollectorService>();
        services.AddHostedService(sp => sp.GetRequiredService<SflowCollectorService>());
        return services;
    }
}
