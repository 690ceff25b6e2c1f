using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Bus;
using StackExchange.Redis;

namespace SdnDashboard.Collectors.Bus;

/// <summary>Registers the bus: Redis when <c>Redis:Configuration</c> is set, in-process otherwise.</summary>
public static class BusServiceCollectionExtensions
{
    public static IServiceCollection AddTelemetryBus(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<RedisOptions>, BusOptionsValidator>();
        services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidator>();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateOnStart();
        services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section).ValidateOnStart();

        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (redis.IsConfigured)
        {
            services.TryAddSingleton<IConnectionMultiplexer>(sp => ConnectRedis(
                sp.GetRequiredService<IOptions<RedisOptions>>().Value, sp.GetRequiredService<ILoggerFactory>()));
            services.TryAddSingleton<ITelemetryBus, RedisTelemetryBus>();
        }
        else
        {
            services.TryAddSingleton<ITelemetryBus, InProcessTelemetryBus>();
        }

        return services;
    }

    /// <summary>
    /// Connects without failing when Redis is down at start: the multiplexer keeps retrying in the
    /// background, and the bus reports losses until it succeeds.
    /// </summary>
    public static ConnectionMultiplexer ConnectRedis(RedisOptions options, ILoggerFactory loggers)
    {
        var config = ConfigurationOptions.Parse(options.Configuration);
        config.AbortOnConnectFail = false;
        // Retries of the first connect only; after that the multiplexer reconnects in the background forever.
        config.ConnectRetry = 2;
        config.ConnectTimeout = 2000;
        config.AsyncTimeout = 2000;
        config.SyncTimeout = 2000;
        config.ReconnectRetryPolicy = new ExponentialRetry(250, 5000);
        config.ClientName ??= "sdndashboard";
        config.LoggerFactory = loggers;
        return ConnectionMultiplexer.Connect(config);
    }
}
