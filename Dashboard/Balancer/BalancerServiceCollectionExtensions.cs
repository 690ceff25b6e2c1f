using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Apps;

namespace SdnDashboard.Dashboard.Balancer;

/// <summary>Registers the controller apps (learning switch, load balancer), their shared state and the load feed.</summary>
public static class BalancerServiceCollectionExtensions
{
    public static IServiceCollection AddBalancer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<BalancerOptions>, BalancerOptionsValidator>();
        services.AddOptions<BalancerOptions>().Bind(configuration.GetSection(BalancerOptions.Section)).ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BalancerOptions>>().Value;
            return new BalancerState(options.ToSettings(), options.Services);
        });
        services.AddSingleton(sp =>
            new LearningSwitchApp((ushort)sp.GetRequiredService<IOptions<BalancerOptions>>().Value.LearningSwitchIdleTimeoutSeconds));
        services.AddSingleton<LoadBalancerApp>();
        services.AddSingleton<IControllerApp>(sp => sp.GetRequiredService<LearningSwitchApp>());
        services.AddSingleton<IControllerApp>(sp => sp.GetRequiredService<LoadBalancerApp>());
        services.AddHostedService<BalancerLoadFeed>();
        services.TryAddSingleton<ISwitchCommandSink, UnconnectedSwitchCommandSink>();
        services.AddSingleton<BalancerAdmin>();
        services.AddHostedService<BalancerStoreLoader>();
        return services;
    }
}
