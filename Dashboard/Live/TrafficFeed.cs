using System.Collections.Immutable;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Dashboard.Live;

/// <summary>
/// The latest sFlow interval of each collector, from <see cref="BusTopics.Traffic"/>: top flows, per-VM
/// estimates and lost samples, for the Flows page, the Overview's warnings and the API.
/// </summary>
public sealed class TrafficFeed(ITelemetryBus bus, TimeProvider time) : BackgroundService
{
    /// <summary>A collector silent for this long no longer counts.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(15);

    private readonly SnapshotWatchers<TrafficSnapshot> _watchers = new();
    private readonly Lock _gate = new();
    private TrafficSnapshot _current = new([], null);

    public TrafficSnapshot Current => Volatile.Read(ref _current);

    public IAsyncEnumerable<TrafficSnapshot> WatchAsync(CancellationToken cancellationToken = default) => _watchers.WatchAsync(cancellationToken);

    /// <summary>Takes one collector's interval; public so that tests can feed it directly.</summary>
    public void Apply(TrafficBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        TrafficSnapshot next;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var batches = _current.Batches.Where(b => b.Collector != batch.Collector && now - b.IntervalStart < StaleAfter).Append(batch);
            next = new TrafficSnapshot(batches.ToImmutableList(), now);
            Volatile.Write(ref _current, next);
        }

        _watchers.Publish(next);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var subscription = await bus.SubscribeAsync(BusTopics.Traffic, (b, _) =>
        {
            Apply(b);
            return ValueTask.CompletedTask;
        }, stoppingToken).ConfigureAwait(false);
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}

/// <summary>The latest interval of every live sFlow collector.</summary>
public sealed record TrafficSnapshot(ImmutableList<TrafficBatch> Batches, DateTimeOffset? UpdatedAt)
{
    /// <summary>Top flows of all collectors, by estimated rate.</summary>
    public IReadOnlyList<FlowRate> TopFlows(int count) =>
        Batches.SelectMany(b => b.TopFlows).OrderByDescending(f => f.BytesPerSec).Take(count).ToList();

    /// <summary>Samples lost in the latest intervals, from sequence-number gaps.</summary>
    public long LostSamples => Batches.Sum(b => b.LostSamples);

    public long MalformedDatagrams => Batches.Sum(b => b.MalformedDatagrams);
}
