namespace SdnDashboard.Collectors.Libvirt;

/// <summary>What the collector needs to know about a libvirt URI without opening it.</summary>
public static class LibvirtUris
{
    /// <summary>
    /// The node file behind a test-driver URI (<c>test:///abs/path/node.xml</c>); false for every other
    /// driver and for <c>test:///default</c>, which has no file.
    /// </summary>
    public static bool TryGetTestDriverFile(string uri, out string path)
    {
        ArgumentNullException.ThrowIfNull(uri);
        path = "";
        const string prefix = "test://";
        if (!uri.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = uri[prefix.Length..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            rest = rest[..query];
        }

        if (!rest.StartsWith('/') || rest == "/default")
        {
            return false;
        }

        path = Uri.UnescapeDataString(rest);
        return true;
    }

    /// <summary>
    /// The name a host is published under: the configured override, else the test-driver file's name
    /// (the test driver reports this machine's host name for every file), else what libvirt reports.
    /// </summary>
    public static string HostNameOf(string uri, string? configuredName, LibvirtConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!string.IsNullOrWhiteSpace(configuredName))
        {
            return configuredName;
        }

        return TryGetTestDriverFile(uri, out var path) ? Path.GetFileNameWithoutExtension(path) : connection.GetHostname();
    }
}
