using System.Text.Json.Serialization;

namespace SdnDashboard.Core.Telemetry;

/// <summary>The change batch the sFlow collector publishes once per aggregation interval.</summary>
public sealed record TrafficBatch
{
    [JsonPropertyName("v")]
    public int V { get; init; } = 1;

    /// <summary>The collector that aggregated (host name or listen address).</summary>
    public required string Collector { get; init; }

    public DateTimeOffset IntervalStart { get; init; }

    public double IntervalSeconds { get; init; }

    public IReadOnlyList<VmTraffic> Vms { get; init; } = [];

    /// <summary>Top flows by estimated bytes, largest first.</summary>
    public IReadOnlyList<FlowRate> TopFlows { get; init; } = [];

    public long Datagrams { get; init; }

    public long Samples { get; init; }

    /// <summary>Samples lost, from sequence-number gaps per agent and source.</summary>
    public long LostSamples { get; init; }

    public long MalformedDatagrams { get; init; }

    /// <summary>Datagrams from senders outside <c>Sflow:AllowedAgents</c>, counted and dropped.</summary>
    public long DroppedDatagrams { get; init; }

    /// <summary>Second copies of a datagram (same agent, sub-agent and sequence number), counted and dropped.</summary>
    public long DuplicateDatagrams { get; init; }

    /// <summary>Datagrams lost, from gaps in the datagram sequence numbers per agent and sub-agent.</summary>
    public long LostDatagrams { get; init; }

    /// <summary>Per-port counter rates updated in this interval.</summary>
    public IReadOnlyList<InterfaceRate> Interfaces { get; init; } = [];

    /// <summary>Per-agent delivery and losses over this interval.</summary>
    public IReadOnlyList<SflowAgentStatus> Agents { get; init; } = [];
}
