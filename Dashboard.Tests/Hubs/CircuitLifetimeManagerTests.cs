using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using SdnDashboard.Dashboard.Hubs;

namespace SdnDashboard.Tests.Hubs;

/// <summary>
/// With Redis configured only the telemetry hub goes through the backplane; Blazor's circuits keep SignalR's
/// in-memory lifetime manager (no Redis subscriptions per circuit, no dependence on Redis being up). The
/// end-to-end tests run the real app on a real Redis with live circuits.
/// </summary>
public sealed class CircuitLifetimeManagerTests
{
    [Fact]
    public void WithRedis_CircuitsKeepTheInMemoryManager_AndTheTelemetryHubUsesTheBackplane()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Nothing listens on port 1: the Redis manager is only built, never used.
        builder.Configuration["Redis:Configuration"] = "127.0.0.1:1,abortConnect=false,connectTimeout=200";
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.AddTelemetryHub();
        using var services = builder.Services.BuildServiceProvider();

        var componentHub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var circuits = services.GetRequiredService(typeof(HubLifetimeManager<>).MakeGenericType(componentHub));
        Assert.IsType(typeof(DefaultHubLifetimeManager<>).MakeGenericType(componentHub), circuits);
        Assert.IsType<RedisHubLifetimeManager<TelemetryHub>>(services.GetRequiredService<HubLifetimeManager<TelemetryHub>>());
    }
}
