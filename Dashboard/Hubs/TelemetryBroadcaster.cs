using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SdnDashboard.Dashboard.Live;
using StackExchange.Redis;

namespace SdnDashboard.Dashboard.Hubs;

/// <summary>
/// Pushes cluster changes to hub clients as <see cref="ClusterDelta"/> messages: as soon as a change arrives,
/// but at most once per <see cref="TelemetryHubOptions.MinSendIntervalMs"/>, changes in between coalesced.
/// With Redis, the SignalR backplane delivers every send to the clients of all replicas, so only one replica
/// broadcasts at a time: the holder of a short Redis lease. The sequence number lives in Redis too, so it
/// runs on unbroken when another replica takes the lease over.
/// </summary>
public sealed class TelemetryBroadcaster(
    ClusterFeed feed, IHubContext<TelemetryHub> hub, IOptions<TelemetryHubOptions> options, TimeProvider time,
    ILogger<TelemetryBroadcaster> logger, IServiceProvider services) : BackgroundService
{
    private const string LeaseKey = Core.Bus.BusKeys.Root + "lease:hub-broadcaster";
    private const string SequenceKey = Core.Bus.BusKeys.Root + "hub:sequence";
    private readonly string _me = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly TimeSpan _minInterval = TimeSpan.FromMilliseconds(options.Value.MinSendIntervalMs);
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();
    private long _sequence;

    /// <summary>The full state for one client, carrying the sequence of the last delta broadcast by any replica.</summary>
    public async Task<ClusterUpdate> CurrentUpdateAsync()
    {
        // The sequence first, then the state: the holder reads its state before it takes a number, so the
        // state read here already holds everything up to that number (on this replica; others lag by the bus).
        var sequence = await LastSequenceAsync().ConfigureAwait(false);
        return ClusterUpdate.From(sequence, feed.Current);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var leader = _redis is null;
        var announced = false;
        var leaseChecked = DateTimeOffset.MinValue;
        var lastSend = DateTimeOffset.MinValue;
        var sent = ClusterSnapshot.Empty;
        try
        {
            // The feed keeps only the newest snapshot for a slow watcher, which is what coalesces a burst.
            await foreach (var _ in feed.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                var wait = lastSend + _minInterval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }

                // The holder renews well before expiry; the others try often, so a takeover is quick.
                if (_redis is not null && time.GetUtcNow() - leaseChecked > (leader ? _lease / 3 : _lease / 5))
                {
                    var wasLeader = leader;
                    leader = await TryHoldLeaseAsync(_redis).ConfigureAwait(false);
                    leaseChecked = time.GetUtcNow();
                    if (leader != wasLeader)
                    {
                        announced = false;
                        logger.LogInformation("Hub broadcaster lease {State}", leader ? "taken: this replica broadcasts" : "held by another replica");
                    }
                }

                if (!leader)
                {
                    continue;
                }

                var current = feed.Current;
                if (!announced)
                {
                    // A new holder does not know what the previous one sent last: everyone gets the full state.
                    await hub.Clients.All.SendAsync(TelemetryHub.ClusterMethod,
                        ClusterUpdate.From(await NextSequenceAsync().ConfigureAwait(false), current), stoppingToken).ConfigureAwait(false);
                    announced = true;
                }
                else
                {
                    var delta = ClusterDelta.Between(sent, current, 0);
                    if (delta.IsEmpty)
                    {
                        continue;
                    }

                    delta = delta with { Sequence = await NextSequenceAsync().ConfigureAwait(false) };
                    await hub.Clients.All.SendAsync(TelemetryHub.DeltaMethod, delta, stoppingToken).ConfigureAwait(false);
                }

                sent = current;
                lastSend = time.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<long> NextSequenceAsync()
    {
        if (_redis is not null)
        {
            try
            {
                var next = await _redis.GetDatabase().StringIncrementAsync(SequenceKey).ConfigureAwait(false);
                Volatile.Write(ref _sequence, next);
                return next;
            }
            catch (RedisException ex)
            {
                logger.LogDebug(ex, "Hub sequence unavailable in Redis; counting locally");
            }
        }

        return Interlocked.Increment(ref _sequence);
    }

    private async Task<long> LastSequenceAsync()
    {
        if (_redis is not null)
        {
            try
            {
                var value = await _redis.GetDatabase().StringGetAsync(SequenceKey).ConfigureAwait(false);
                return value.IsNullOrEmpty ? 0 : long.Parse(value.ToString(), CultureInfo.InvariantCulture);
            }
            catch (RedisException ex)
            {
                logger.LogDebug(ex, "Hub sequence unavailable in Redis; using the local one");
            }
        }

        return Volatile.Read(ref _sequence);
    }

    private async Task<bool> TryHoldLeaseAsync(IConnectionMultiplexer redis)
    {
        try
        {
            var db = redis.GetDatabase();
            if (await db.StringSetAsync(LeaseKey, _me, _lease, When.NotExists).ConfigureAwait(false))
            {
                return true;
            }

            var holder = await db.StringGetAsync(LeaseKey).ConfigureAwait(false);
            if (holder == _me)
            {
                await db.KeyExpireAsync(LeaseKey, _lease).ConfigureAwait(false);
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
}
