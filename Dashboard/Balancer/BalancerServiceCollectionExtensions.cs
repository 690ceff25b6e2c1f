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
        return services;
    }

    /// <summary>
    /// Run-time editing of the policy (<see cref="BalancerAdmin"/>): needs the dashboard's SQLite store and
    /// event log; edits reach the switches through the controller when one runs here.
    /// </summary>
    public static IServiceCollection AddBalancerAdministration(this IServiceCollection services)
    {
        services.TryAddSingleton<ISwitchCommandSink, UnconnectedSwitchCommandSink>();
        services.AddSingleton<BalancerAdmin>();
        services.AddHostedService<BalancerStoreLoader>();
        return services;
    }
}
