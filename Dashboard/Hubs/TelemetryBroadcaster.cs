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
    private const string LeaseKey = Core.Bus.BusKeys.HubBroadcasterLease;
    private const string SequenceKey = Core.Bus.BusKeys.HubSequence;
    private readonly string _me = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly TimeSpan _minInterval = TimeSpan.FromMilliseconds(options.Value.MinSendIntervalMs);
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();
    private long _sequence;
    private bool _leader;
    private int _announce = 1;

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
        // The lease is held on its own clock: a quiet cluster sends nothing, and a holder that renewed only
        // when it sent would lose the lease then, making the next change a needless takeover.
        // Without Redis there is no backplane and no other broadcaster: this replica always sends.
        Volatile.Write(ref _leader, _redis is null);
        var leasing = _redis is null ? Task.CompletedTask : HoldLeaseAsync(_redis, stoppingToken);
        try
        {
            await SendChangesAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await leasing.ConfigureAwait(false);
    }

    private async Task SendChangesAsync(CancellationToken stoppingToken)
    {
        var lastSend = DateTimeOffset.MinValue;
        var sent = ClusterSnapshot.Empty;

        // The feed keeps only the newest snapshot for a slow watcher, which is what coalesces a burst.
        await foreach (var _ in feed.WatchAsync(stoppingToken).ConfigureAwait(false))
        {
            var wait = lastSend + _minInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }

            if (!Volatile.Read(ref _leader))
            {
                continue;
            }

            var current = feed.Current;
            if (Interlocked.Exchange(ref _announce, 0) == 1)
            {
                // A new holder does not know what the previous one sent last: everyone gets the full state.
                await hub.Clients.All.SendAsync(TelemetryHub.ClusterMethod,
                    ClusterUpdate.From(await NextSequenceAsync().ConfigureAwait(false), current), stoppingToken).ConfigureAwait(false);
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

    private async Task HoldLeaseAsync(IConnectionMultiplexer redis, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var wasLeader = Volatile.Read(ref _leader);
                var leader = await TryHoldLeaseAsync(redis).ConfigureAwait(false);
                if (leader != wasLeader)
                {
                    Volatile.Write(ref _announce, leader ? 1 : 0);
                    Volatile.Write(ref _leader, leader);
                    logger.LogInformation("Hub broadcaster lease {State}", leader ? "taken: this replica broadcasts" : "held by another replica");
                }

                // The holder renews well before expiry; the others try often, so a takeover is quick.
                await Task.Delay(leader ? _lease / 3 : _lease / 5, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the lease runs out by itself.
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
