using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
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
                    config.ChannelPrefix = o.Configuration.ChannelPrefix;
                    return await ConnectionMultiplexer.ConnectAsync(config, writer).ConfigureAwait(false);
                };
            });

            // AddStackExchangeRedis replaces the lifetime manager of every hub, Blazor's own ComponentHub too: each
            // circuit then subscribes to its connection's and its user's Redis channels (per-circuit subscriptions and
            // queues) that nothing ever publishes to, since a circuit lives on one server, and circuits stop updating
            // while Redis is down (dotnet/aspnetcore#58971). Circuits keep SignalR's in-memory manager; the hub above
            // keeps the backplane.
            var componentHub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
            builder.Services.AddSingleton(
                typeof(HubLifetimeManager<>).MakeGenericType(componentHub),
                typeof(DefaultHubLifetimeManager<>).MakeGenericType(componentHub));
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
