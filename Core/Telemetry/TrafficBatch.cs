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
}
