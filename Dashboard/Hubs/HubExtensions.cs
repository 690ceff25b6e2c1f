using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using StackExchange.Redis;

namespace SdnDashboard.Dashboard.Hubs;

/// <summary>The telemetry hub, with the Redis backplane (channels under <c>sdn:signalr:</c>) when Redis is configured.</summary>
public static class HubExtensions
{
    public static WebApplicationBuilder AddTelemetryHub(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Redis:Configuration"]))
        {
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(Core.Bus.BusKeys.SignalRChannelPrefix);
                o.ConnectionFactory = async writer =>
                {
                    // Its own multiplexer: the backplane's subscriptions must not share fate with the bus's.
                    var options = builder.Configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
                    var config = ConfigurationOptions.Parse(options.Configuration);
                    config.AbortOnConnectFail = false;
                    config.ChannelPrefix = RedisChannel.Literal(Core.Bus.BusKeys.SignalRChannelPrefix);
                    return await ConnectionMultiplexer.ConnectAsync(config, writer).ConfigureAwait(false);
                };
            });
        }

        builder.Services.AddSingleton<IValidateOptions<TelemetryHubOptions>, TelemetryHubOptionsValidator>();
        builder.Services.AddOptions<TelemetryHubOptions>().BindConfiguration(TelemetryHubOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<TelemetryBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryBroadcaster>());
        return builder;
    }

    public static void MapTelemetryHub(this WebApplication app) =>
        app.MapHub<TelemetryHub>(TelemetryHub.Path).RequireAuthorization();

}
