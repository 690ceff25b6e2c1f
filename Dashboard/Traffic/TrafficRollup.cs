using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Data;

namespace SdnDashboard.Dashboard.Traffic;

/// <summary>
/// Rolls VM traffic up into hourly totals in SQLite (the paper's Table 2): from libvirt interface counters
/// (rate × the seconds it covers, so restarts and gaps add nothing false) and, when sFlow runs, its
/// sampled estimate beside it. Sums collect in memory and are added to the stored rows every few seconds,
/// so the current hour fills in live.
/// </summary>
public sealed class TrafficRollup(
    ITelemetryBus bus, IDbContextFactory<SdnDbContext> dbFactory, TimeProvider time, ILogger<TrafficRollup> logger) : BackgroundService
{
    public const string Libvirt = "libvirt";
    public const string Sflow = "sflow";

    /// <summary>How often pending sums are written.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(DateTimeOffset Hour, string Vm, string Source), Pending> _pending = new();

    /// <summary>Adds one libvirt poll's bytes.</summary>
    public void Add(HostPoll poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        foreach (var vm in poll.Vms.Where(v => v.RateSeconds > 0))
        {
            Add(HourOf(vm.At), vm.Name, Libvirt, vm.Host, vm.NetRxBytesPerSec * vm.RateSeconds, vm.NetTxBytesPerSec * vm.RateSeconds);
        }
    }

    /// <summary>Adds one sFlow interval's estimates.</summary>
    public void Add(TrafficBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // A VM sFlow saw nothing of gets no estimate, rather than a zero beside libvirt's real count.
        foreach (var vm in batch.Vms.Where(v => v.BytesIn + v.BytesOut > 0))
        {
            Add(HourOf(batch.IntervalStart), vm.VmName ?? vm.Mac, Sflow, null, vm.BytesIn, vm.BytesOut);
        }
    }

    /// <summary>Writes the pending sums now.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var batch = new List<((DateTimeOffset Hour, string Vm, string Source) Key, Pending Value)>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var value))
            {
                batch.Add((key, value));
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        foreach (var (key, value) in batch)
        {
            var row = await db.TrafficHours.FindAsync([key.Hour, key.Vm, key.Source], ct).ConfigureAwait(false);
            if (row is null)
            {
                db.TrafficHours.Add(new TrafficHourRecord
                {
                    HourStart = key.Hour, Vm = key.Vm, Source = key.Source, Host = value.Host,
                    RxBytes = (long)value.Rx, TxBytes = (long)value.Tx,
                });
            }
            else
            {
                row.RxBytes += (long)value.Rx;
                row.TxBytes += (long)value.Tx;
                row.Host ??= value.Host;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var polls = await bus.SubscribeAsync(BusTopics.VmStats, (p, _) => { Add(p); return ValueTask.CompletedTask; }, stoppingToken)
            .ConfigureAwait(false);
        await using var traffic = await bus.SubscribeAsync(BusTopics.Traffic, (b, _) => { Add(b); return ValueTask.CompletedTask; }, stoppingToken)
            .ConfigureAwait(false);
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await FlushAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (DbUpdateException ex)
                {
                    logger.LogError(ex, "Could not store hourly traffic; the sums are lost for this flush");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private void Add(DateTimeOffset hour, string vm, string source, string? host, double rx, double tx) =>
        _pending.AddOrUpdate((hour, vm, source), _ => new Pending(host, rx, tx), (_, p) => p with { Rx = p.Rx + rx, Tx = p.Tx + tx });

    private sealed record Pending(string? Host, double Rx, double Tx);
}
