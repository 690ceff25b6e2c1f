using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Bus;

namespace SdnDashboard.Collectors.Bus;

/// <summary>
/// The embedded bus: one process, no Redis. Each subscriber has its own bounded queue and pump so a slow
/// subscriber loses its own oldest messages and never slows a publisher or another subscriber. Latest state
/// expires by the injected clock, exactly as Redis keys with a TTL would.
/// </summary>
public sealed class InProcessTelemetryBus(
    TimeProvider time, IOptions<BusOptions> options, ILogger<InProcessTelemetryBus> logger) : ITelemetryBus, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ImmutableSubscriberList> _subscribers = new();
    private readonly ConcurrentDictionary<string, Entry> _latest = new();
    private readonly CancellationTokenSource _disposed = new();

    private ILogger Logger => logger;

    public BusStatistics Statistics { get; } = new();

    public ValueTask<bool> PublishAsync<T>(BusTopic<T> topic, T message, CancellationToken cancellationToken = default)
    {
        if (_subscribers.TryGetValue(topic.Channel, out var list))
        {
            foreach (var subscriber in list.Items)
            {
                subscriber.Offer(message!);
            }
        }

        return ValueTask.FromResult(true);
    }

    public ValueTask<IAsyncDisposable> SubscribeAsync<T>(
        BusTopic<T> topic, Func<T, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        var subscriber = new Subscriber(
            this, topic.Channel, options.Value.SubscriberQueueLength,
            (message, ct) => handler((T)message, ct));
        _subscribers.AddOrUpdate(topic.Channel, _ => new([subscriber]), (_, list) => list.Add(subscriber));
        subscriber.Start(_disposed.Token);
        return ValueTask.FromResult<IAsyncDisposable>(subscriber);
    }

    public ValueTask<bool> SetLatestAsync<T>(
        LatestStateKind<T> kind, IReadOnlyCollection<KeyValuePair<string, T>> items, TimeSpan ttl,
        CancellationToken cancellationToken = default)
    {
        var expires = time.GetUtcNow() + ttl;
        foreach (var (id, value) in items)
        {
            _latest[kind.KeyOf(id)] = new Entry(value!, expires);
        }

        return ValueTask.FromResult(true);
    }

    public ValueTask<T?> GetLatestAsync<T>(LatestStateKind<T> kind, string id, CancellationToken cancellationToken = default)
    {
        var key = kind.KeyOf(id);
        if (_latest.TryGetValue(key, out var entry))
        {
            if (entry.Expires > time.GetUtcNow())
            {
                return ValueTask.FromResult<T?>((T)entry.Value);
            }

            _latest.TryRemove(KeyValuePair.Create(key, entry));
        }

        return ValueTask.FromResult<T?>(default);
    }

    public ValueTask<IReadOnlyDictionary<string, T>> GetAllLatestAsync<T>(
        LatestStateKind<T> kind, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var pair in _latest)
        {
            if (!pair.Key.StartsWith(kind.KeyPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (pair.Value.Expires <= now)
            {
                _latest.TryRemove(pair);
                continue;
            }

            result[pair.Key[kind.KeyPrefix.Length..]] = (T)pair.Value.Value;
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, T>>(result);
    }

    public ValueTask<bool> RemoveLatestAsync<T>(LatestStateKind<T> kind, string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_latest.TryRemove(kind.KeyOf(id), out _));

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        _disposed.Dispose();
    }

    private void Unsubscribe(Subscriber subscriber) =>
        _subscribers.AddOrUpdate(subscriber.Channel, _ => new([]), (_, list) => list.Remove(subscriber));

    private sealed record Entry(object Value, DateTimeOffset Expires);

    private sealed record ImmutableSubscriberList(Subscriber[] Items)
    {
        public ImmutableSubscriberList Add(Subscriber s) => new([.. Items, s]);

        public ImmutableSubscriberList Remove(Subscriber s) => new(Items.Where(x => x != s).ToArray());
    }

    private sealed class Subscriber(
        InProcessTelemetryBus bus, string channel, int capacity, Func<object, CancellationToken, ValueTask> handler)
        : IAsyncDisposable
    {
        private readonly Channel<object> _queue = System.Threading.Channels.Channel.CreateBounded<object>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        private readonly CancellationTokenSource _stop = new();
        private Task _pump = Task.CompletedTask;

        public string Channel => channel;

        public void Offer(object message) => _queue.Writer.TryWrite(message);

        public void Start(CancellationToken busDisposed)
        {
            var linked = CancellationTokenSource.CreateLinkedTokenSource(busDisposed, _stop.Token);
            _pump = Task.Run(() => PumpAsync(linked.Token), CancellationToken.None)
                .ContinueWith(_ => linked.Dispose(), TaskScheduler.Default);
        }

        public async ValueTask DisposeAsync()
        {
            bus.Unsubscribe(this);
            _queue.Writer.TryComplete();
            await _stop.CancelAsync().ConfigureAwait(false);
            await _pump.ConfigureAwait(false);
            _stop.Dispose();
        }

        private async Task PumpAsync(CancellationToken ct)
        {
            try
            {
                await foreach (var message in _queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    try
                    {
                        await handler(message, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        bus.Statistics.CountHandlerFailure();
                        bus.Logger.LogError(ex, "Bus subscriber on {Channel} failed; it keeps its subscription", channel);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Unsubscribed or bus disposed.
            }
        }
    }
}
