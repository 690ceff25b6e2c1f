using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary><c>virNodeInfo</c>: 64 bytes on LP64.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VirNodeInfo
{
    public const int Size = 64;

    public fixed byte Model[32];

    /// <summary>KiB (<c>unsigned long</c>).</summary>
    public ulong Memory;

    public uint Cpus;

    public uint Mhz;

    public uint Nodes;

    public uint Sockets;

    public uint Cores;

    public uint Threads;
}
