using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary>The leading fields of <c>virError</c>; only read through a pointer libvirt owns.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirError
{
    public int Code;

    public int Domain;

    public nint Message;

    public int Level;
}
