using System.Text.Json;
using Microsoft.Extensions.Logging;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Diagnostics;
using StackExchange.Redis;

namespace SdnDashboard.Collectors.Bus;

/// <summary>
/// The shared bus on Redis: latest state as <c>SET key json EX ttl</c>, change batches as <c>PUBLISH</c>.
/// One multiplexer per process; StackExchange.Redis reconnects and re-subscribes by itself, so while Redis
/// is away writes return <c>false</c>, the loss is logged once a few seconds with a count, and nothing is
/// thrown at the caller.
/// </summary>
public sealed class RedisTelemetryBus : ITelemetryBus, IDisposable
{
    private const int ReadChunk = 512;
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisTelemetryBus> _logger;
    private readonly LogThrottle _lossLog;
    private readonly LogThrottle _malformedLog;

    public RedisTelemetryBus(IConnectionMultiplexer redis, TimeProvider time, ILogger<RedisTelemetryBus> logger)
    {
        _redis = redis;
        _logger = logger;
        _lossLog = new LogThrottle(time, TimeSpan.FromSeconds(5));
        _malformedLog = new LogThrottle(time, TimeSpan.FromSeconds(5));
        _redis.ConnectionFailed += OnConnectionFailed;
        _redis.ConnectionRestored += OnConnectionRestored;
    }

    public BusStatistics Statistics { get; } = new();

    public async ValueTask<bool> PublishAsync<T>(BusTopic<T> topic, T message, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, topic.TypeInfo);
        try
        {
            await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(topic.Channel), json).ConfigureAwait(false);
            return true;
        }
        catch (RedisException ex)
        {
            Statistics.CountPublishFailure();
            LogLoss(ex, "publish to", topic.Channel);
            return false;
        }
    }

    public async ValueTask<IAsyncDisposable> SubscribeAsync<T>(
        BusTopic<T> topic, Func<T, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        var queue = await _redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(topic.Channel)).ConfigureAwait(false);
        var subscription = new Subscription(queue);
        subscription.Pump = Task.Run(() => PumpAsync(topic, queue, handler, subscription.Stopping), CancellationToken.None);
        return subscription;
    }

    public async ValueTask<bool> SetLatestAsync<T>(
        LatestStateKind<T> kind, IReadOnlyCollection<KeyValuePair<string, T>> items, TimeSpan ttl,
        CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            return true;
        }

        var db = _redis.GetDatabase();
        var batch = db.CreateBatch();
        var writes = new List<Task>(items.Count);
        foreach (var (id, value) in items)
        {
            writes.Add(batch.StringSetAsync(kind.KeyOf(id), JsonSerializer.SerializeToUtf8Bytes(value, kind.TypeInfo), ttl));
        }

        try
        {
            batch.Execute();
            await Task.WhenAll(writes).ConfigureAwait(false);
            return true;
        }
        catch (RedisException ex)
        {
            Statistics.CountWriteFailure();
            LogLoss(ex, "write latest state under", kind.KeyPrefix);
            return false;
        }
    }

    public async ValueTask<T?> GetLatestAsync<T>(LatestStateKind<T> kind, string id, CancellationToken cancellationToken = default)
    {
        try
        {
            var value = await _redis.GetDatabase().StringGetAsync(kind.KeyOf(id)).ConfigureAwait(false);
            return value.IsNull ? default : Decode(kind.TypeInfo, value, kind.KeyOf(id));
        }
        catch (RedisException ex)
        {
            LogLoss(ex, "read", kind.KeyOf(id));
            return default;
        }
    }

    public async ValueTask<IReadOnlyDictionary<string, T>> GetAllLatestAsync<T>(
        LatestStateKind<T> kind, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        try
        {
            var keys = new HashSet<RedisKey>();
            foreach (var endpoint in _redis.GetEndPoints())
            {
                var server = _redis.GetServer(endpoint);
                if (!server.IsConnected || server.IsReplica)
                {
                    continue;
                }

                await foreach (var key in server.KeysAsync(pattern: kind.KeyPrefix + "*", pageSize: 1000)
                                   .WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(key);
                }
            }

            var db = _redis.GetDatabase();
            foreach (var chunk in keys.Chunk(ReadChunk))
            {
                var values = await db.StringGetAsync(chunk).ConfigureAwait(false);
                for (var i = 0; i < chunk.Length; i++)
                {
                    string key = chunk[i]!;
                    if (!values[i].IsNull && Decode(kind.TypeInfo, values[i], key) is { } decoded)
                    {
                        result[key[kind.KeyPrefix.Length..]] = decoded;
                    }
                }
            }
        }
        catch (RedisException ex)
        {
            LogLoss(ex, "read latest state under", kind.KeyPrefix);
        }

        return result;
    }

    public async ValueTask<bool> RemoveLatestAsync<T>(LatestStateKind<T> kind, string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _redis.GetDatabase().KeyDeleteAsync(kind.KeyOf(id)).ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            LogLoss(ex, "delete", kind.KeyOf(id));
            return false;
        }
    }

    public void Dispose()
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        _redis.ConnectionRestored -= OnConnectionRestored;
    }

    private async Task PumpAsync<T>(
        BusTopic<T> topic, ChannelMessageQueue queue, Func<T, CancellationToken, ValueTask> handler, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var message = await queue.ReadAsync(ct).ConfigureAwait(false);
                if (Decode(topic.TypeInfo, message.Message, topic.Channel) is not { } decoded)
                {
                    continue;
                }

                try
                {
                    await handler(decoded, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Statistics.CountHandlerFailure();
                    _logger.LogError(ex, "Bus subscriber on {Channel} failed; it keeps its subscription", topic.Channel);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Unsubscribed.
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // The multiplexer closed the queue (unsubscribe or shutdown).
        }
    }

    private T? Decode<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, RedisValue value, string where)
    {
        try
        {
            return JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])value!, typeInfo);
        }
        catch (JsonException ex)
        {
            Statistics.CountMalformed();
            if (_malformedLog.TryEnter(out var suppressed))
            {
                _logger.LogWarning(
                    "Dropped a malformed message from {Where} at byte {Offset} (line {Line}): {Reason} ({Suppressed} more dropped since the last report)",
                    where, ex.BytePositionInLine, ex.LineNumber, ex.Message, suppressed);
            }

            return default;
        }
    }

    private void LogLoss(RedisException ex, string action, string target)
    {
        if (_lossLog.TryEnter(out var suppressed))
        {
            _logger.LogWarning(
                "Redis unavailable: could not {Action} {Target}: {Reason} ({Suppressed} more failures since the last report)",
                action, target, ex.Message, suppressed);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) =>
        _logger.LogWarning("Lost the Redis connection to {EndPoint} ({FailureType}); reconnecting in the background",
            e.EndPoint, e.FailureType);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) =>
        _logger.LogInformation("Redis connection to {EndPoint} restored", e.EndPoint);

    private sealed class Subscription(ChannelMessageQueue queue) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public CancellationToken Stopping => _stop.Token;

        public Task Pump { get; set; } = Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await queue.UnsubscribeAsync().ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // Redis is away; the server forgets the subscription with the connection.
            }

            await Pump.ConfigureAwait(false);
            _stop.Dispose();
        }
    }
}
