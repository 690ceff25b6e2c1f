using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary><c>virDomainBlockInfo</c>: sizes in bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirBlockInfo
{
    public ulong Capacity;
    public ulong Allocation;
    public ulong Physical;
}
