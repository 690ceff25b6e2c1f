using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary>
/// The libvirt C API calls the collector uses, bound to the system's <c>libvirt.so.0</c> with
/// source-generated P/Invoke. Signatures follow libvirt's headers for LP64 Linux, where
/// <c>unsigned long</c> is 64 bits. Every call may block on the daemon's RPC: call them only from the
/// poller's own threads.
/// </summary>
internal static unsafe partial class LibvirtNative
{
    private const string Library = "libvirt.so.0";
    private const string LibC = "libc";
    private const string LibXml = "libxml2.so.2";

    /// <summary><c>VIR_DOMAIN_XML_SECURE</c> is not asked for: a read-only connection may not have it.</summary>
    public const uint DomainXmlDefault = 0;

    [LibraryImport(Library, EntryPoint = "virConnectOpenReadOnly", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LibvirtConnectionHandle ConnectOpenReadOnly(string name);

    [LibraryImport(Library, EntryPoint = "virConnectClose")]
    public static partial int ConnectClose(nint conn);

    [LibraryImport(Library, EntryPoint = "virConnectIsAlive")]
    public static partial int ConnectIsAlive(LibvirtConnectionHandle conn);

    /// <summary>Returns a string the caller frees with <c>free()</c>.</summary>
    [LibraryImport(Library, EntryPoint = "virConnectGetHostname")]
    public static partial nint ConnectGetHostname(LibvirtConnectionHandle conn);

    [LibraryImport(Library, EntryPoint = "virNodeGetInfo")]
    public static partial int NodeGetInfo(LibvirtConnectionHandle conn, VirNodeInfo* info);

    /// <summary>Free memory in bytes; 0 on error.</summary>
    [LibraryImport(Library, EntryPoint = "virNodeGetFreeMemory")]
    public static partial ulong NodeGetFreeMemory(LibvirtConnectionHandle conn);

    /// <summary>
    /// Fills <paramref name="retStats"/> with a NULL-terminated array that the caller frees with
    /// <see cref="DomainStatsRecordListFree"/>, which also frees each record's domain and parameters.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "virConnectGetAllDomainStats")]
    public static partial int ConnectGetAllDomainStats(
        LibvirtConnectionHandle conn, uint stats, VirDomainStatsRecord*** retStats, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainStatsRecordListFree")]
    public static partial void DomainStatsRecordListFree(VirDomainStatsRecord** stats);

    /// <summary>Takes an extra reference on a domain owned by someone else (a stats record).</summary>
    [LibraryImport(Library, EntryPoint = "virDomainRef")]
    public static partial int DomainRef(nint domain);

    [LibraryImport(Library, EntryPoint = "virDomainFree")]
    public static partial int DomainFree(nint domain);

    /// <summary>Writes 36 characters and a NUL into a buffer of <c>VIR_UUID_STRING_BUFLEN</c> (37) bytes.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainGetUUIDString")]
    public static partial int DomainGetUuidString(LibvirtDomainHandle domain, byte* buffer);

    /// <summary>Returns a string owned by the domain object; not freed by the caller.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainGetName")]
    public static partial nint DomainGetName(LibvirtDomainHandle domain);

    /// <summary>The hypervisor's id of a running domain; <c>(unsigned int)-1</c> when it is not running.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainGetID")]
    public static partial uint DomainGetId(LibvirtDomainHandle domain);

    [LibraryImport(Library, EntryPoint = "virDomainGetState")]
    public static partial int DomainGetState(LibvirtDomainHandle domain, int* state, int* reason, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainGetInfo")]
    public static partial int DomainGetInfo(LibvirtDomainHandle domain, VirDomainInfo* info);

    /// <summary>Returns XML the caller frees with <c>free()</c>.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainGetXMLDesc")]
    public static partial nint DomainGetXmlDesc(LibvirtDomainHandle domain, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainInterfaceStats", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int DomainInterfaceStats(LibvirtDomainHandle domain, string device, VirInterfaceStats* stats, nuint size);

    [LibraryImport(Library, EntryPoint = "virDomainBlockStats", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int DomainBlockStats(LibvirtDomainHandle domain, string disk, VirBlockStats* stats, nuint size);

    [LibraryImport(Library, EntryPoint = "virDomainGetBlockInfo", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int DomainGetBlockInfo(LibvirtDomainHandle domain, string disk, VirBlockInfo* info, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainMemoryStats")]
    public static partial int DomainMemoryStats(LibvirtDomainHandle domain, VirMemoryStat* stats, uint count, uint flags);

    [LibraryImport(Library, EntryPoint = "virNetworkLookupByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint NetworkLookupByName(LibvirtConnectionHandle conn, string name);

    /// <summary>Returns a string the caller frees with <c>free()</c>.</summary>
    [LibraryImport(Library, EntryPoint = "virNetworkGetBridgeName")]
    public static partial nint NetworkGetBridgeName(nint network);

    [LibraryImport(Library, EntryPoint = "virNetworkFree")]
    public static partial int NetworkFree(nint network);

    [LibraryImport(Library, EntryPoint = "virStorageVolLookupByPath", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint StorageVolLookupByPath(LibvirtConnectionHandle conn, string path);

    [LibraryImport(Library, EntryPoint = "virStorageVolGetInfo")]
    public static partial int StorageVolGetInfo(nint volume, VirStorageVolInfo* info);

    [LibraryImport(Library, EntryPoint = "virStorageVolFree")]
    public static partial int StorageVolFree(nint volume);

    /// <summary>The calling thread's last error, owned by libvirt; null when there is none.</summary>
    [LibraryImport(Library, EntryPoint = "virGetLastError")]
    public static partial VirError* GetLastError();

    [LibraryImport(Library, EntryPoint = "virResetLastError")]
    public static partial void ResetLastError();

    [LibraryImport(Library, EntryPoint = "virSetErrorFunc")]
    public static partial void SetErrorFunc(nint userData, delegate* unmanaged[Cdecl]<nint, VirError*, void> handler);

    /// <summary>libxml2's reporter for the calling thread (libvirt parses node files and XML with libxml2).</summary>
    [LibraryImport(LibXml, EntryPoint = "xmlSetGenericErrorFunc")]
    public static partial void XmlSetGenericErrorFunc(nint context, delegate* unmanaged[Cdecl]<nint, nint, void> handler);

    /// <summary>libxml2's reporter for threads created from now on.</summary>
    [LibraryImport(LibXml, EntryPoint = "xmlThrDefSetGenericErrorFunc")]
    public static partial void XmlThrDefSetGenericErrorFunc(nint context, delegate* unmanaged[Cdecl]<nint, nint, void> handler);

    [LibraryImport(LibC, EntryPoint = "free")]
    public static partial void Free(nint pointer);

    /// <summary>
    /// Replaces libvirt's default error reporter, which prints every error to stderr, with one that
    /// ignores them: errors are still kept per thread and read through <see cref="GetLastError"/>.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void IgnoreError(nint userData, VirError* error)
    {
    }

    /// <summary>
    /// Replaces libxml2's generic reporter, which prints I/O warnings (a missing node file) to stderr
    /// before libvirt turns them into its own error. The real signature is variadic; a callee that reads
    /// none of the variable arguments is safe to bind with the two fixed ones.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void IgnoreXmlError(nint context, nint format)
    {
    }
}
