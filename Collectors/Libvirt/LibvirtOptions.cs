namespace SdnDashboard.Collectors.Libvirt;

/// <summary>The <c>Libvirt</c> section: which hypervisors this collector polls and how often.</summary>
public sealed class LibvirtOptions
{
    public const string Section = "Libvirt";

    /// <summary>
    /// libvirt connection URIs, opened read-only: <c>qemu:///system</c> on a compute node, or
    /// <c>test:///abs/path/node.xml</c> for libvirt's test driver. Empty: the libvirt collector does not run.
    /// </summary>
    public List<string> Uris { get; set; } = [];

    /// <summary>Seconds between polls of each URI. 0.1 to 3600; default 2.</summary>
    public double PollIntervalSeconds { get; set; } = 2;

    /// <summary>
    /// Latest-state time-to-live in poll intervals: a VM or host no longer reported drops out of the
    /// latest state after this many intervals. 2 to 100; default 3.
    /// </summary>
    public int TtlPolls { get; set; } = 3;

    /// <summary>First wait before reopening a lost connection, in seconds; doubles per failure. 0.05 to 60; default 1.</summary>
    public double ReconnectInitialSeconds { get; set; } = 1;

    /// <summary>Longest wait between reconnection attempts, in seconds. At least the initial wait, at most 3600; default 30.</summary>
    public double ReconnectMaxSeconds { get; set; } = 30;

    /// <summary>Re-read each domain's XML (devices, Nova metadata) at least every this many polls. 1 to 100000; default 30.</summary>
    public int XmlRefreshPolls { get; set; } = 30;

    /// <summary>
    /// Host names to publish per URI, overriding the name libvirt reports. Without one, a
    /// <c>test:///path/compute1.xml</c> URI is named after its file (<c>compute1</c>), because the test
    /// driver reports this machine's own host name for every file.
    /// </summary>
    public List<LibvirtHostName> HostNames { get; set; } = [];

    /// <summary>The configured name for <paramref name="uri"/>, if any.</summary>
    public string? HostNameFor(string uri) =>
        HostNames.FirstOrDefault(h => h.Uri == uri && !string.IsNullOrWhiteSpace(h.Name))?.Name;

    /// <summary>The poll interval as a time span.</summary>
    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    /// <summary>The latest-state time-to-live.</summary>
    public TimeSpan Ttl => PollInterval * TtlPolls;
}
