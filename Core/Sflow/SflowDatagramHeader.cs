using SdnDashboard.Core.Packets;

namespace SdnDashboard.Core.Sflow;

/// <summary>The fixed part of an sFlow v5 datagram.</summary>
/// <param name="Version">Always 5.</param>
/// <param name="AgentAddress">The agent's IPv4 or IPv6 address.</param>
/// <param name="SubAgentId">Distinguishes datagram streams of one agent.</param>
/// <param name="SequenceNumber">Incremented per datagram by each sub-agent.</param>
/// <param name="UptimeMs">The agent's uptime in milliseconds.</param>
/// <param name="SampleCount">How many samples follow.</param>
public readonly record struct SflowDatagramHeader(
    uint Version, IpAddressValue AgentAddress, uint SubAgentId, uint SequenceNumber, uint UptimeMs, uint SampleCount);
