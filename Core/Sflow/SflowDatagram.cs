using SdnDashboard.Core.Packets;

namespace SdnDashboard.Core.Sflow;

/// <summary>A whole sFlow v5 datagram as objects: for tools, tests and simulated agents, not hot paths.</summary>
public sealed record SflowDatagram
{
    public IpAddressValue AgentAddress { get; init; }

    public uint SubAgentId { get; init; }

    public uint SequenceNumber { get; init; }

    public uint UptimeMs { get; init; }

    public IReadOnlyList<SflowSample> Samples { get; init; } = [];
}
