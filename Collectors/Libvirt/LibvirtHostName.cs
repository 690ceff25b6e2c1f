namespace SdnDashboard.Collectors.Libvirt;

/// <summary>A host name to publish for one URI (a configuration key cannot hold a URI's colons).</summary>
public sealed class LibvirtHostName
{
    /// <summary>The URI, exactly as in <see cref="LibvirtOptions.Uris"/>.</summary>
    public string Uri { get; set; } = "";

    /// <summary>The name to publish the host under.</summary>
    public string Name { get; set; } = "";
}
