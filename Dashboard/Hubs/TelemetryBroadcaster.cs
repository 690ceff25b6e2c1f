using Microsoft.AspNetCore.SignalR;
using SdnDashboard.Dashboard.Live;
using StackExchange.Redis;

namespace SdnDashboard.Dashboard.Hubs;

/// <summary>
/// Pushes the cluster to hub clients, throttled. With Redis, the SignalR backplane delivers every send to
/// the clients of all replicas, so only one replica broadcasts at a time: the holder of a short Redis lease.
/// </summary>
public sealed class TelemetryBroadcaster(
    ClusterFeed feed, IHubContext<TelemetryHub> hub, TimeProvider time, ILogger<TelemetryBroadcaster> logger,
    IServiceProvider services) : BackgroundService
{
    private const string LeaseKey = Core.Bus.BusKeys.Root + "lease:hub-broadcaster";
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
    private readonly string _me = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private long _sequence;

    public ClusterUpdate CurrentUpdate() => ToUpdate(feed.Current);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var redis = services.GetService<IConnectionMultiplexer>();
        var leaseRenewed = DateTimeOffset.MinValue;
        var leader = redis is null;
        try
        {
            await foreach (var snapshot in feed.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                if (redis is not null && time.GetUtcNow() - leaseRenewed > Lease / 2)
                {
                    var wasLeader = leader;
                    leader = await TryHoldLeaseAsync(redis).ConfigureAwait(false);
                    leaseRenewed = time.GetUtcNow();
                    if (leader != wasLeader)
                    {
                        logger.LogInformation("Hub broadcaster lease {State}", leader ? "taken: this replica broadcasts" : "held by another replica");
                    }
                }

                if (leader)
                {
                    await hub.Clients.All.SendAsync(TelemetryHub.ClusterMethod, ToUpdate(snapshot), stoppingToken).ConfigureAwait(false);
                }

                await Task.Delay(MinInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<bool> TryHoldLeaseAsync(IConnectionMultiplexer redis)
    {
        try
        {
            var db = redis.GetDatabase();
            if (await db.StringSetAsync(LeaseKey, _me, Lease, When.NotExists).ConfigureAwait(false))
            {
                return true;
            }

            var holder = await db.StringGetAsync(LeaseKey).ConfigureAwait(false);
            if (holder == _me)
            {
                await db.KeyExpireAsync(LeaseKey, Lease).ConfigureAwait(false);
                return true;
            }

            return false;
        }
        catch (RedisException ex)
        {
            // Without Redis there is no backplane either: this replica's clients only hear from it.
            logger.LogDebug(ex, "Hub broadcaster lease unavailable; broadcasting locally");
            return true;
        }
    }

    private ClusterUpdate ToUpdate(ClusterSnapshot snapshot) =>
        new(Interlocked.Increment(ref _sequence), snapshot.UpdatedAt,
            snapshot.Hosts.Values.OrderBy(h => h.Host, StringComparer.Ordinal).ToList(),
            snapshot.Vms.Values.OrderBy(v => v.Host, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal).ToList());
}
