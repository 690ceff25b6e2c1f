using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary>Turns libvirt's per-thread last error into a <see cref="LibvirtException"/>.</summary>
internal static unsafe class LibvirtErrors
{
    private static int _initialized;

    [ThreadStatic]
    private static bool _threadInitialized;

    /// <summary>
    /// Silences libvirt's default stderr reporter once per process, before the first call that can fail,
    /// so the command-line output and the service log carry errors only where we put them.
    /// </summary>
    public static void EnsureInitialized()
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 0)
        {
            LibvirtNative.SetErrorFunc(0, &LibvirtNative.IgnoreError);
            LibvirtNative.XmlThrDefSetGenericErrorFunc(0, &LibvirtNative.IgnoreXmlError);
        }

        // libxml2 keeps its reporter per thread; threads that existed before the default changed keep theirs.
        if (!_threadInitialized)
        {
            _threadInitialized = true;
            LibvirtNative.XmlSetGenericErrorFunc(0, &LibvirtNative.IgnoreXmlError);
        }
    }

    /// <summary>Reads and clears the calling thread's last error.</summary>
    public static LibvirtException Last(string operation, string? uri)
    {
        var error = LibvirtNative.GetLastError();
        LibvirtException result = error is null
            ? new LibvirtException(operation, uri, 0, 0, "failed without an error message")
            : new LibvirtException(
                operation, uri, error->Code, error->Domain,
                Marshal.PtrToStringUTF8(error->Message) ?? $"error {error->Code}");
        LibvirtNative.ResetLastError();
        return result;
    }

    /// <summary>Copies and frees a string libvirt allocated for the caller.</summary>
    public static string? TakeString(nint pointer)
    {
        if (pointer == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(pointer);
        }
        finally
        {
            LibvirtNative.Free(pointer);
        }
    }
}
