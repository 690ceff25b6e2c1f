using Microsoft.Extensions.Options;

namespace SdnDashboard.Dashboard.Hubs;

/// <summary>Refuses start-up on unusable hub settings, naming the key.</summary>
public sealed class TelemetryHubOptionsValidator : IValidateOptions<TelemetryHubOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MinSendIntervalMs is < 10 or > 5000)
        {
            errors.Add($"{TelemetryHubOptions.Section}:MinSendIntervalMs is {options.MinSendIntervalMs}; allowed 10-5000.");
        }

        if (options.LeaseSeconds is < 1 or > 300)
        {
            errors.Add($"{TelemetryHubOptions.Section}:LeaseSeconds is {options.LeaseSeconds}; allowed 1-300.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
