using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>The VM table's sort columns, filter and paging, applied to the snapshot so the page keeps only one page of rows.</summary>
public static class VmSort
{
    /// <summary>The sort labels of the table's columns; <see cref="Name"/> is the default.</summary>
    public const string Name = "name";
    public const string Node = "node";
    public const string State = "state";
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string NetIn = "net-in";
    public const string NetOut = "net-out";
    public const string Disk = "disk";

    /// <summary>
    /// The VMs matching <paramref name="filter"/>, sorted by <paramref name="sortLabel"/> (then name), one page of them,
    /// how many matched, and which page that is: the last one with rows when <paramref name="page"/> lies beyond it
    /// (VMs went away, or a narrower filter has fewer pages).
    /// </summary>
    public static (IReadOnlyList<VmSample> Items, int Total, int PageIndex) Page(
        IEnumerable<VmSample> vms, string filter, string? sortLabel, bool descending, int page, int pageSize)
    {
        var matching = vms.Where(v => Matches(v, filter)).ToList();
        IOrderedEnumerable<VmSample> sorted = sortLabel switch
        {
            Node => By(matching, v => v.Host, descending),
            State => By(matching, v => v.State, descending),
            Cpu => By(matching, v => v.CpuPercent, descending),
            Memory => By(matching, v => v.MemoryKiB, descending),
            NetIn => By(matching, v => v.NetRxBytesPerSec, descending),
            NetOut => By(matching, v => v.NetTxBytesPerSec, descending),
            Disk => By(matching, v => v.DiskReadBytesPerSec + v.DiskWriteBytesPerSec, descending),
            _ => By(matching, v => v.Name, descending),
        };
        // Ties keep a stable order between renders, so rows do not swap places on every poll.
        var pageIndex = Math.Clamp(page, 0, LastPageIndex(matching.Count, pageSize));
        var items = sorted.ThenBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Uuid, StringComparer.Ordinal)
            .Skip(pageIndex * pageSize).Take(pageSize).ToList();
        return (items, matching.Count, pageIndex);
    }

    /// <summary>The index of the last page of <paramref name="total"/> rows (0 when there are none).</summary>
    public static int LastPageIndex(int total, int pageSize) => Math.Max(0, (total - 1) / pageSize);

    /// <summary>Whether the VM's name, node, state, or Nova instance or project contains the filter text.</summary>
    public static bool Matches(VmSample vm, string filter)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return string.IsNullOrWhiteSpace(filter)
            || vm.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
            || vm.Host.Contains(filter, StringComparison.OrdinalIgnoreCase)
            || vm.State.Contains(filter, StringComparison.OrdinalIgnoreCase)
            || (vm.Nova?.InstanceName?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false)
            || (vm.Nova?.ProjectName?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false);
    }

    private static IOrderedEnumerable<VmSample> By<TKey>(IEnumerable<VmSample> vms, Func<VmSample, TKey> key, bool descending) =>
        descending ? vms.OrderByDescending(key) : vms.OrderBy(key);
}
