using SdnDashboard.Dashboard.Events;
using SdnDashboard.Dashboard.Live;
using SdnDashboard.Dashboard.Traffic;

namespace SdnDashboard.Dashboard.Hosting;

/// <summary>One singleton feed per kind of live data, each fed by the bus; and the event log they write.</summary>
public static class LiveFeedExtensions
{
    public static IServiceCollection AddLiveFeeds(this IServiceCollection services)
    {
        services.AddSingleton<ClusterFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterFeed>());
        services.AddSingleton<TrafficFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<TrafficFeed>());
        services.AddSingleton<EventLog>();
        services.AddHostedService<SystemEventRecorder>();
        services.AddSingleton<TrafficRollup>();
        services.AddHostedService(sp => sp.GetRequiredService<TrafficRollup>());
        services.AddSingleton<TrafficTable>();
        return services;
    }
}
