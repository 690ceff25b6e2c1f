using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary><c>virDomainInterfaceStatsStruct</c>; -1 in a field means the driver does not know it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirInterfaceStats
{
    public long RxBytes;
    public long RxPackets;
    public long RxErrors;
    public long RxDrops;
    public long TxBytes;
    public long TxPackets;
    public long TxErrors;
    public long TxDrops;
}
