using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary>A <c>virDomainPtr</c> reference of our own, released with <c>virDomainFree</c>.</summary>
internal sealed class LibvirtDomainHandle : SafeHandle
{
    public LibvirtDomainHandle(nint domain)
        : base(0, ownsHandle: true) => SetHandle(domain);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => LibvirtNative.DomainFree(handle) >= 0;
}
