using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace SdnDashboard.Dashboard.Circuits;

/// <summary>Applies the <c>Circuits</c> section to Blazor Server's circuit options.</summary>
public static class CircuitLimitsExtensions
{
    public static IServiceCollection AddCircuitLimits(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<CircuitLimitsOptions>, CircuitLimitsOptionsValidator>();
        services.AddOptions<CircuitLimitsOptions>().BindConfiguration(CircuitLimitsOptions.Section).ValidateOnStart();
        services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitLimitsOptions>>((circuit, limits) =>
            circuit.MaxBufferedUnacknowledgedRenderBatches = limits.Value.MaxBufferedRenderBatches);
        return services;
    }
}
