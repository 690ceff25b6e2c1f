using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Core.Rates;

/// <summary>
/// Turns each poll's cumulative VM counters into rates, remembering the previous sample of every VM.
/// A VM seen for the first time has no rate yet (<see cref="VmSample.RateSeconds"/> = 0) rather than a
/// spike from counters accumulated since boot. A VM missing from one poll keeps its previous sample for
/// <c>retention</c>, so when it returns its rate spans the longer interval instead of starting over.
/// Not thread-safe: one tracker per host poller.
/// </summary>
public sealed class VmRateTracker(TimeSpan retention)
{
    private readonly Dictionary<string, VmSample> _previous = new(StringComparer.Ordinal);

    /// <summary>The VMs whose previous sample is kept.</summary>
    public int Tracked => _previous.Count;

    /// <summary>
    /// Fills the rates of every VM of one poll and returns them in the same order. VMs not seen since
    /// <c>retention</c> before <paramref name="now"/> are forgotten.
    /// </summary>
    public IReadOnlyList<VmSample> Apply(IReadOnlyList<VmSample> current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var result = new VmSample[current.Count];
        for (var i = 0; i < current.Count; i++)
        {
            var vm = current[i];
            result[i] = _previous.TryGetValue(vm.Uuid, out var previous) ? WithRates(previous, vm) : vm;
            _previous[vm.Uuid] = result[i];
        }

        foreach (var (uuid, sample) in _previous)
        {
            if (now - sample.At > retention)
            {
                _previous.Remove(uuid);
            }
        }

        return result;
    }

    /// <summary>The rates of <paramref name="current"/> relative to <paramref name="previous"/> of the same VM.</summary>
    public static VmSample WithRates(VmSample previous, VmSample current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var seconds = (current.At - previous.At).TotalSeconds;
        if (seconds <= 0)
        {
            return current;
        }

        var interfaces = current.Interfaces.Select((n, i) =>
        {
            var p = Match(previous.Interfaces, i, x => x.Target == n.Target && x.Mac == n.Mac);
            return p is null
                ? n
                : n with
                {
                    RxBytesPerSec = CounterRate.PerSecond(p.RxBytes, n.RxBytes, seconds),
                    TxBytesPerSec = CounterRate.PerSecond(p.TxBytes, n.TxBytes, seconds),
                };
        }).ToList();
        var disks = current.Disks.Select((d, i) =>
        {
            var p = Match(previous.Disks, i, x => x.Target == d.Target);
            return p is null
                ? d
                : d with
                {
                    ReadBytesPerSec = CounterRate.PerSecond(p.ReadBytes, d.ReadBytes, seconds),
                    WriteBytesPerSec = CounterRate.PerSecond(p.WriteBytes, d.WriteBytes, seconds),
                    Iops = CounterRate.PerSecond(p.ReadRequests + p.WriteRequests, d.ReadRequests + d.WriteRequests, seconds),
                };
        }).ToList();

        return current with
        {
            CpuPercent = CounterRate.CpuPercent(previous.CpuTimeNs, current.CpuTimeNs, seconds, current.Vcpus),
            Interfaces = interfaces,
            Disks = disks,
            NetRxBytesPerSec = interfaces.Sum(n => n.RxBytesPerSec),
            NetTxBytesPerSec = interfaces.Sum(n => n.TxBytesPerSec),
            DiskReadBytesPerSec = disks.Sum(d => d.ReadBytesPerSec),
            DiskWriteBytesPerSec = disks.Sum(d => d.WriteBytesPerSec),
            DiskIops = disks.Sum(d => d.Iops),
            RateSeconds = seconds,
        };
    }

    /// <summary>The previous reading of a device: devices rarely move, so the same position is tried first.</summary>
    private static T? Match<T>(IReadOnlyList<T> previous, int index, Func<T, bool> same)
        where T : class =>
        index < previous.Count && same(previous[index]) ? previous[index] : previous.FirstOrDefault(same);
}
