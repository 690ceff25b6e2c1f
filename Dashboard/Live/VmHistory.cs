using System.Collections.Concurrent;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Dashboard.Live;

/// <summary>
/// The last <see cref="ClusterFeed.History"/> of each VM's rates, for the VM detail chart. Bounded per VM
/// by time; VMs not seen for that long are forgotten.
/// </summary>
public sealed class VmHistory
{
    private readonly ConcurrentDictionary<string, Queue<VmPoint>> _byUuid = new(StringComparer.Ordinal);

    /// <summary>Records one sample of each VM in a poll.</summary>
    public void Record(IEnumerable<VmSample> vms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(vms);
        foreach (var vm in vms)
        {
            var queue = _byUuid.GetOrAdd(vm.Uuid, _ => new Queue<VmPoint>());
            lock (queue)
            {
                queue.Enqueue(new VmPoint(vm.At == default ? now : vm.At, vm.CpuPercent, vm.NetRxBytesPerSec, vm.NetTxBytesPerSec,
                    vm.DiskReadBytesPerSec + vm.DiskWriteBytesPerSec));
                while (queue.Count > 0 && now - queue.Peek().At > ClusterFeed.History)
                {
                    queue.Dequeue();
                }
            }
        }

        foreach (var (uuid, queue) in _byUuid)
        {
            lock (queue)
            {
                if (queue.Count == 0 || now - queue.Last().At > ClusterFeed.History)
                {
                    _byUuid.TryRemove(uuid, out _);
                }
            }
        }
    }

    /// <summary>A copy of one VM's points, oldest first; empty for an unknown VM.</summary>
    public IReadOnlyList<VmPoint> Get(string uuid)
    {
        if (!_byUuid.TryGetValue(uuid, out var queue))
        {
            return [];
        }

        lock (queue)
        {
            return queue.ToArray();
        }
    }
}

/// <summary>One VM's rates at one moment.</summary>
public sealed record VmPoint(DateTimeOffset At, double CpuPercent, double RxBytesPerSec, double TxBytesPerSec, double DiskBytesPerSec);
