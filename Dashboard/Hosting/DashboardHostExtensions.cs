using MudBlazor.Services;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Collectors.Hosting;
using SdnDashboard.Dashboard.Api;
using SdnDashboard.Dashboard.Hubs;
using SdnDashboard.Dashboard.Auth;
using SdnDashboard.Dashboard.Balancer;
using SdnDashboard.Dashboard.Components;
using SdnDashboard.Dashboard.Controller;
using SdnDashboard.Dashboard.Demo;

namespace SdnDashboard.Dashboard.Hosting;

/// <summary>Composes the dashboard process: bus, collectors, storage, UI, endpoints.</summary>
public static class DashboardHostExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.AddBuiltInTestbed();
        builder.Services.AddTelemetryBus(builder.Configuration);
        builder.AddStorage();
        builder.AddAuth();

        // Feeds subscribe before the collectors start, so the first reports reach them.
        builder.Services.AddLiveFeeds();
        builder.Services.AddCollectors(builder.Configuration);
        builder.Services.AddBalancer(builder.Configuration);
        builder.Services.AddBalancerAdministration();
        builder.Services.AddOpenFlowController(builder.Configuration);
        builder.Services.AddDemoCluster(builder.Configuration);
        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.AddHealth();
        builder.AddApi();
        builder.AddTelemetryHub();
        return builder;
    }

    public static async Task UseDashboardAsync(this WebApplication app)
    {
        await app.MigrateStorageAsync().ConfigureAwait(false);
        await app.SeedIdentityAsync().ConfigureAwait(false);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapApi();
        app.MapMetrics();
        app.MapTelemetryHub();
        app.MapHealth();
    }
}
