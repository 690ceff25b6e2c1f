namespace SdnDashboard.Core.Balancing;

/// <summary>One load-balanced service behind a virtual address (<c>Balancer:Services:N</c>).</summary>
public sealed record ServiceDefinition
{
    /// <summary>Unique service name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The IPv4 address clients connect to; the controller answers ARP for it.</summary>
    public string VirtualIp { get; init; } = "";

    /// <summary>The MAC the controller gives out for <see cref="VirtualIp"/>; no real interface owns it.</summary>
    public string VirtualMac { get; init; } = "";

    /// <summary>Only traffic to this TCP/UDP port is balanced; <c>null</c> = all IPv4 traffic to the virtual IP.</summary>
    public int? Port { get; init; }

    /// <summary><c>Tcp</c> or <c>Udp</c>; used with <see cref="Port"/>.</summary>
    public string Protocol { get; init; } = "Tcp";

    /// <summary>One of <see cref="Algorithms.BalancingAlgorithms.Names"/>.</summary>
    public string Algorithm { get; init; } = "RoundRobin";

    public AffinityDefinition Affinity { get; init; } = new();

    public IReadOnlyList<MemberDefinition> Members { get; init; } = [];
}
