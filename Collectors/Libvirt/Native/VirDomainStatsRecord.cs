using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary><c>virDomainStatsRecord</c>: one domain's typed parameters from a bulk stats call.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VirDomainStatsRecord
{
    public nint Domain;

    public VirTypedParameter* Params;

    public int NParams;
}
