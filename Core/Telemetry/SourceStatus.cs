using System.Text.Json.Serialization;

namespace SdnDashboard.Core.Telemetry;

/// <summary>A data source (libvirt URI, sFlow listener, switch) went up or down.</summary>
public sealed record SourceStatus
{
    [JsonPropertyName("v")]
    public int V { get; init; } = 1;

    /// <summary>Kind of source: <c>libvirt</c>, <c>sflow</c>, <c>switch</c>, <c>redis</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Which one: a URI, a listen address, a datapath id.</summary>
    public required string Source { get; init; }

    public required bool Up { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset At { get; init; }
}
