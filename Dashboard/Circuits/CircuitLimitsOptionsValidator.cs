using Microsoft.Extensions.Options;

namespace SdnDashboard.Dashboard.Circuits;

/// <summary>Refuses start-up on unusable circuit settings, naming the key.</summary>
public sealed class CircuitLimitsOptionsValidator : IValidateOptions<CircuitLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, CircuitLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxBufferedRenderBatches is < 1 or > 100
            ? ValidateOptionsResult.Fail($"{CircuitLimitsOptions.Section}:MaxBufferedRenderBatches is {options.MaxBufferedRenderBatches}; allowed 1-100.")
            : ValidateOptionsResult.Success;
    }
}
