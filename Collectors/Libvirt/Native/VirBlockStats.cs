using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary><c>virDomainBlockStatsStruct</c>; -1 in a field means the driver does not know it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirBlockStats
{
    public long ReadRequests;
    public long ReadBytes;
    public long WriteRequests;
    public long WriteBytes;
    public long Errors;
}
