namespace SdnDashboard.Core.Balancing;

/// <summary>One VM behind a service (<c>Balancer:Services:N:Members:M</c>).</summary>
public sealed record MemberDefinition
{
    /// <summary>Unique within the service; names the member in the UI, the API and the flow cookie.</summary>
    public string Name { get; init; } = "";

    /// <summary>The VM's MAC address, aa:bb:cc:dd:ee:ff.</summary>
    public string Mac { get; init; } = "";

    /// <summary>The VM's IPv4 address.</summary>
    public string Ip { get; init; } = "";

    /// <summary>Share of new clients relative to the other members, 1 to 1000.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>The libvirt domain name whose monitoring decides whether and how loaded the member is; none = always running, load unknown.</summary>
    public string? VmName { get; init; }
}
