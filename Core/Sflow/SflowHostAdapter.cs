using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Sflow;

/// <summary>One network adapter of a host: its ifIndex and MAC addresses.</summary>
public sealed record SflowHostAdapter
{
    public uint IfIndex { get; init; }

    public IReadOnlyList<MacAddress> MacAddresses { get; init; } = [];
}
