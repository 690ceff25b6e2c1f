using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary><c>virDomainInfo</c>: 40 bytes on LP64.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirDomainInfo
{
    public const int Size = 40;

    public byte State;

    /// <summary>KiB (<c>unsigned long</c>).</summary>
    public ulong MaxMem;

    /// <summary>KiB (<c>unsigned long</c>).</summary>
    public ulong Memory;

    public ushort NrVirtCpu;

    /// <summary>Nanoseconds.</summary>
    public ulong CpuTime;
}
