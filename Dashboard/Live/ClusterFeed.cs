using System.Collections.Immutable;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Dashboard.Live;

/// <summary>
/// The one feed of host and VM state for every page: loads the latest state from the bus at start, then
/// applies each <see cref="HostPoll"/> batch. Offers the current snapshot and a stream of newer ones; a slow
/// reader skips intermediate snapshots rather than queueing them.
/// </summary>
public sealed class ClusterFeed(ITelemetryBus bus, TimeProvider time, ILogger<ClusterFeed> logger) : BackgroundService
{
    /// <summary>How long the chart history reaches back.</summary>
    public static readonly TimeSpan History = TimeSpan.FromMinutes(15);

    /// <summary>A VM or host not reported for this long is dropped from the snapshot.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly SnapshotWatchers<ClusterSnapshot> _watchers = new();
    private ClusterSnapshot _current = ClusterSnapshot.Empty;

    /// <summary>Per-VM rate history for detail charts, recorded as polls arrive.</summary>
    public VmHistory VmHistory { get; } = new();

    /// <summary>The latest snapshot.</summary>
    public ClusterSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Yields a snapshot each time the state changes, until cancelled.</summary>
    public IAsyncEnumerable<ClusterSnapshot> WatchAsync(CancellationToken cancellationToken = default) => _watchers.WatchAsync(cancellationToken);

    /// <summary>Applies one poll batch; public so that tests and the embedded pipeline can feed it directly.</summary>
    public void Apply(HostPoll poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        ClusterSnapshot next;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var vms = _current.Vms.RemoveRange(
                _current.Vms.Where(p => p.Value.Host == poll.Host.Host || now - p.Value.At > StaleAfter).Select(p => p.Key));
            vms = vms.SetItems(poll.Vms.Select(v => KeyValuePair.Create(v.Uuid, v)));
            var hosts = _current.Hosts.RemoveRange(_current.Hosts.Where(p => now - p.Value.At > StaleAfter).Select(p => p.Key))
                .SetItem(poll.Host.Host, poll.Host);
            next = _current with { Hosts = hosts, Vms = vms, UpdatedAt = now };
            var point = new TrafficPoint(now, next.RxBytesPerSec, next.TxBytesPerSec);
            next = next with { Traffic = _current.Traffic.RemoveAll(p => now - p.At > History).Add(point) };
            Volatile.Write(ref _current, next);
            VmHistory.Record(poll.Vms, now);
        }

        Publish(next);
    }

    /// <summary>Records a source going up or down.</summary>
    public void Apply(SourceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        ClusterSnapshot next;
        lock (_gate)
        {
            next = _current with { Sources = _current.Sources.SetItem($"{status.Kind}:{status.Source}", status) };
            Volatile.Write(ref _current, next);
        }

        Publish(next);
    }

    private void Publish(ClusterSnapshot next) => _watchers.Publish(next);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hosts = await bus.GetAllLatestAsync(BusTopics.LatestHost, stoppingToken).ConfigureAwait(false);
        var vms = await bus.GetAllLatestAsync(BusTopics.LatestVm, stoppingToken).ConfigureAwait(false);
        foreach (var host in hosts.Values)
        {
            Apply(new HostPoll { Host = host, Vms = vms.Values.Where(v => v.Host == host.Host).ToList(), At = host.At });
        }

        logger.LogInformation("Cluster feed started with {Hosts} hosts and {Vms} VMs from the bus", hosts.Count, vms.Count);
        await using var subscription = await bus.SubscribeAsync(BusTopics.VmStats, (poll, _) =>
        {
            Apply(poll);
            return ValueTask.CompletedTask;
        }, stoppingToken).ConfigureAwait(false);
        await using var statuses = await bus.SubscribeAsync(BusTopics.SourceStatus, (status, _) =>
        {
            Apply(status);
            return ValueTask.CompletedTask;
        }, stoppingToken).ConfigureAwait(false);
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}
