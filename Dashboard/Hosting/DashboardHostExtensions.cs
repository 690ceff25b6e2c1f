using MudBlazor.Services;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Collectors.Hosting;
using SdnDashboard.Dashboard.Components;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Dashboard.Hosting;

/// <summary>Composes the dashboard process: bus, collectors, storage, UI, endpoints.</summary>
public static class DashboardHostExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddTelemetryBus(builder.Configuration);
        builder.Services.AddCollectors(builder.Configuration);
        builder.Services.AddOpenFlowController(builder.Configuration);
        builder.AddStorage();
        builder.Services.AddLiveFeeds();
        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.AddHealth();
        return builder;
    }

    public static async Task UseDashboardAsync(this WebApplication app)
    {
        await app.MigrateStorageAsync().ConfigureAwait(false);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealth();
    }
}
