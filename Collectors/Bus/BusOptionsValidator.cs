using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SdnDashboard.Collectors.Bus;

/// <summary>Stops start-up on a bus setting that cannot work, naming the key.</summary>
public sealed class BusOptionsValidator : IValidateOptions<RedisOptions>, IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.Configuration);
            return parsed.EndPoints.Count == 0
                ? ValidateOptionsResult.Fail(
                    $"{RedisOptions.Section}:Configuration '{options.Configuration}' names no endpoint; use host:port, e.g. 127.0.0.1:6379.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(
                $"{RedisOptions.Section}:Configuration '{options.Configuration}' is not a Redis configuration string: {ex.Message}");
        }
    }

    public ValidateOptionsResult Validate(string? name, BusOptions options) =>
        options.SubscriberQueueLength is < 1 or > 100_000
            ? ValidateOptionsResult.Fail(
                $"{BusOptions.Section}:SubscriberQueueLength is {options.SubscriberQueueLength}; allowed 1 to 100000.")
            : ValidateOptionsResult.Success;
}
