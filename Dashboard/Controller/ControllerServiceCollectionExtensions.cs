using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Control;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>Registers the in-process OpenFlow controller: options, registry, server and its hosted service.</summary>
public static class ControllerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the controller configured by the <c>Controller</c> section. The apps it hosts are every
    /// <see cref="IControllerApp"/> registered in DI, run through one <see cref="ControllerPipeline"/>.
    /// </summary>
    public static IServiceCollection AddOpenFlowController(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<ControllerOptions>, ControllerOptionsValidator>();
        services.AddOptions<ControllerOptions>().BindConfiguration(ControllerOptions.Section).ValidateOnStart();
        services.TryAddSingleton(sp => new ControllerPipeline(sp.GetServices<IControllerApp>()));
        services.TryAddSingleton<SwitchRegistry>();
        services.TryAddSingleton<ControllerStatistics>();
        services.TryAddSingleton<OpenFlowServer>();
        services.AddSingleton<ISwitchCommandSink>(sp => sp.GetRequiredService<OpenFlowServer>());
        services.AddHostedService<OpenFlowControllerService>();
        return services;
    }
}
