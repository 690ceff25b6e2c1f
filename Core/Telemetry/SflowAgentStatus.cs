namespace SdnDashboard.Core.Telemetry;

/// <summary>What one sFlow agent delivered over one aggregation interval, losses included.</summary>
public sealed record SflowAgentStatus
{
    /// <summary>The agent address from the datagrams.</summary>
    public required string Agent { get; init; }

    public long Datagrams { get; init; }

    public long Samples { get; init; }

    /// <summary>Samples missing from the sequence numbers of the agent's sources.</summary>
    public long LostSamples { get; init; }

    /// <summary>Datagrams missing from the agent's datagram sequence numbers.</summary>
    public long LostDatagrams { get; init; }

    /// <summary>Samples the agent itself reports dropping (the flow sample <c>drops</c> counter, increase over the interval).</summary>
    public long AgentDrops { get; init; }
}
