namespace SdnDashboard.Collectors.Sflow;

/// <summary>What <see cref="SflowAggregator.Ingest"/> did with a datagram.</summary>
public enum SflowIngestOutcome
{
    Accepted,

    /// <summary>The sender is not in <c>Sflow:AllowedAgents</c>; counted and dropped.</summary>
    NotAllowed,

    /// <summary>The datagram is malformed; counted and dropped whole.</summary>
    Malformed,

    /// <summary>A second copy of the datagram accounted just before (same agent, sub-agent, sequence); counted and dropped.</summary>
    Duplicate,
}
