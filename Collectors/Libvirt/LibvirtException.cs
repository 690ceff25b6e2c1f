namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// A libvirt call failed. Carries libvirt's own error code, error domain and message (from
/// <c>virGetLastError</c>) and the operation and URI it happened on.
/// </summary>
public sealed class LibvirtException : Exception
{
    public LibvirtException()
        : this("libvirt call failed")
    {
    }

    public LibvirtException(string message)
        : base(message)
    {
        Operation = "";
        LibvirtMessage = message;
    }

    public LibvirtException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "";
        LibvirtMessage = message;
    }

    /// <summary>Creates the exception for a failed call.</summary>
    public LibvirtException(string operation, string? uri, int code, int errorDomain, string libvirtMessage)
        : base(uri is null ? $"{operation}: {libvirtMessage}" : $"{operation} on {uri}: {libvirtMessage}")
    {
        Operation = operation;
        Uri = uri;
        Code = code;
        ErrorDomain = errorDomain;
        LibvirtMessage = libvirtMessage;
    }

    /// <summary>The libvirt function that failed, e.g. <c>virConnectOpenReadOnly</c>.</summary>
    public string Operation { get; }

    /// <summary>The connection URI, when the call had one.</summary>
    public string? Uri { get; }

    /// <summary>libvirt's <c>virErrorNumber</c>; 0 when libvirt set no error.</summary>
    public int Code { get; }

    /// <summary>libvirt's <c>virErrorDomain</c> (the subsystem that reported it).</summary>
    public int ErrorDomain { get; }

    /// <summary>libvirt's message, unchanged.</summary>
    public string LibvirtMessage { get; }
}
