using Microsoft.Extensions.Options;
using SdnDashboard.Core.Balancing;

namespace SdnDashboard.Dashboard.Balancer;

/// <summary>Stops start-up on a balancer setting that cannot work, naming every bad key.</summary>
public sealed class BalancerOptionsValidator : IValidateOptions<BalancerOptions>
{
    public ValidateOptionsResult Validate(string? name, BalancerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(ServiceDefinitionValidator.ValidateAll(options.Services, $"{BalancerOptions.Section}:Services"));
        Range(errors, nameof(options.LoadStaleSeconds), options.LoadStaleSeconds, 1, 3600);
        Range(errors, nameof(options.FlowIdleTimeoutSeconds), options.FlowIdleTimeoutSeconds, 1, ushort.MaxValue);
        Range(errors, nameof(options.FlowPriority), options.FlowPriority, 2, ushort.MaxValue);
        Range(errors, nameof(options.ProbeIntervalSeconds), options.ProbeIntervalSeconds, 1, 3600);
        Range(errors, nameof(options.LearningSwitchIdleTimeoutSeconds), options.LearningSwitchIdleTimeoutSeconds, 0, ushort.MaxValue);
        var weights = options.LeastLoad;
        if (weights.Cpu < 0 || weights.Memory < 0 || weights.Network < 0 || weights.PerAssignment < 0)
        {
            errors.Add($"{BalancerOptions.Section}:LeastLoad weights must not be negative (Cpu {weights.Cpu}, Memory {weights.Memory}, Network {weights.Network}, PerAssignment {weights.PerAssignment})");
        }

        if (weights.NetworkCapacityBytesPerSec <= 0)
        {
            errors.Add($"{BalancerOptions.Section}:LeastLoad:NetworkCapacityBytesPerSec is {weights.NetworkCapacityBytesPerSec}; it must be positive");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{BalancerOptions.Section}:{key} is {value}; allowed {min}-{max}");
        }
    }
}
