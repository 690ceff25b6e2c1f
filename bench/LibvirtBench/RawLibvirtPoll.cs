using System.Runtime.InteropServices;
using SdnDashboard.Collectors.Libvirt;
using SdnDashboard.Collectors.Libvirt.Native;

namespace SdnDashboard.Bench.Libvirt;

/// <summary>
/// The floor: the same libvirt calls a full poll makes for every group (bulk stats, then per domain
/// state, info, balloon, interface and block stats and block info), with device names known in advance
/// and nothing built from the answers. The collector's own cost is its time above this.
/// </summary>
internal static unsafe class RawLibvirtPoll
{
    public static int Run(LibvirtConnection connection, IReadOnlyDictionary<string, (string Nic, string Disk)> devices)
    {
        VirNodeInfo node;
        LibvirtNative.NodeGetInfo(connection.Handle, &node);
        LibvirtNative.NodeGetFreeMemory(connection.Handle);
        VirDomainStatsRecord** records = null;
        var count = LibvirtNative.ConnectGetAllDomainStats(connection.Handle, 63, &records, 0);
        var domains = new LibvirtDomainHandle[count];
        for (var i = 0; i < count; i++)
        {
            LibvirtNative.DomainRef(records[i]->Domain);
            domains[i] = new LibvirtDomainHandle(records[i]->Domain);
        }

        LibvirtNative.DomainStatsRecordListFree(records);
        var uuid = stackalloc byte[37];
        var memory = stackalloc VirMemoryStat[VirMemoryStat.Count];
        var failures = 0;
        for (var i = 0; i < count; i++)
        {
            using var d = domains[i];
            int state, reason;
            VirDomainInfo info;
            VirInterfaceStats nic;
            VirBlockStats block;
            VirBlockInfo blockInfo;
            LibvirtNative.DomainGetUuidString(d, uuid);
            var name = Marshal.PtrToStringUTF8(LibvirtNative.DomainGetName(d))!;
            LibvirtNative.DomainGetId(d);
            LibvirtNative.DomainGetState(d, &state, &reason, 0);
            LibvirtNative.DomainGetInfo(d, &info);
            LibvirtNative.DomainMemoryStats(d, memory, VirMemoryStat.Count, 0);
            var (nicName, diskName) = devices[name];
            failures += LibvirtNative.DomainInterfaceStats(d, nicName, &nic, (nuint)sizeof(VirInterfaceStats)) < 0 ? 1 : 0;
            failures += LibvirtNative.DomainBlockStats(d, diskName, &block, (nuint)sizeof(VirBlockStats)) < 0 ? 1 : 0;
            failures += LibvirtNative.DomainGetBlockInfo(d, diskName, &blockInfo, 0) < 0 ? 1 : 0;
        }

        // A call that failed would make this floor look cheaper than the real work.
        return failures == 0 ? count : throw new InvalidOperationException($"{failures} libvirt calls failed");
    }
}
