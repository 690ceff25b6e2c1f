using System.Runtime.InteropServices;
using SdnDashboard.Collectors.Libvirt.Native;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// One read-only connection to a hypervisor through libvirt. Not thread-safe: the poller that opened it
/// is the only one calling it, on its own thread, because any call may wait on the daemon.
/// </summary>
public sealed unsafe class LibvirtConnection : IDisposable
{
    private LibvirtConnection(string uri, LibvirtConnectionHandle handle)
    {
        Uri = uri;
        Handle = handle;
    }

    /// <summary>The URI this connection was opened with.</summary>
    public string Uri { get; }

    internal LibvirtConnectionHandle Handle { get; }

    /// <summary>Opens <paramref name="uri"/> read-only (<c>virConnectOpenReadOnly</c>).</summary>
    /// <exception cref="LibvirtException">libvirt refused: unknown driver, daemon down, file missing, ...</exception>
    public static LibvirtConnection OpenReadOnly(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        LibvirtErrors.EnsureInitialized();
        var handle = LibvirtNative.ConnectOpenReadOnly(uri);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw LibvirtErrors.Last("virConnectOpenReadOnly", uri);
        }

        return new LibvirtConnection(uri, handle);
    }

    /// <summary>
    /// <c>virConnectIsAlive</c>: false once a remote daemon has gone away. Drivers that run inside this
    /// process (the test driver) always answer true.
    /// </summary>
    public bool IsAlive() => LibvirtNative.ConnectIsAlive(Handle) == 1;

    /// <summary>The hypervisor host's name (<c>virConnectGetHostname</c>).</summary>
    public string GetHostname() =>
        LibvirtErrors.TakeString(LibvirtNative.ConnectGetHostname(Handle))
        ?? throw LibvirtErrors.Last("virConnectGetHostname", Uri);

    /// <summary>CPU and memory of the host (<c>virNodeGetInfo</c>).</summary>
    public LibvirtNodeInfo GetNodeInfo()
    {
        VirNodeInfo info;
        if (LibvirtNative.NodeGetInfo(Handle, &info) < 0)
        {
            throw LibvirtErrors.Last("virNodeGetInfo", Uri);
        }

        var model = Marshal.PtrToStringUTF8((nint)info.Model, IndexOfNul(info.Model, 32));
        return new LibvirtNodeInfo(model, (int)info.Cpus, (int)info.Mhz, (long)info.Memory,
            (int)info.Sockets, (int)info.Cores, (int)info.Threads);
    }

    /// <summary>
    /// Free host memory in bytes (<c>virNodeGetFreeMemory</c>); 0 when the driver cannot say, which libvirt
    /// reports as a failure (the test driver with a node file that defines no NUMA cells).
    /// </summary>
    public long GetFreeMemoryBytes()
    {
        var free = LibvirtNative.NodeGetFreeMemory(Handle);
        if (free == 0)
        {
            LibvirtNative.ResetLastError();
        }

        return (long)free;
    }

    public void Dispose() => Handle.Dispose();

    private static int IndexOfNul(byte* text, int max)
    {
        var length = new ReadOnlySpan<byte>(text, max).IndexOf((byte)0);
        return length < 0 ? max : length;
    }
}
