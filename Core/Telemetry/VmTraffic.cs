using System.Text.Json.Serialization;

namespace SdnDashboard.Core.Telemetry;

/// <summary>sFlow traffic estimate of one vNIC (by MAC) over one aggregation interval.</summary>
public sealed record VmTraffic
{
    [JsonPropertyName("v")]
    public int V { get; init; } = 1;

    /// <summary>vNIC MAC, lower-case colon form: the VM's identity in sFlow.</summary>
    public required string Mac { get; init; }

    /// <summary>The VM name when the MAC is known from libvirt or configuration.</summary>
    public string? VmName { get; init; }

    /// <summary>Estimated bytes towards the VM (frames whose destination MAC is this vNIC).</summary>
    public long BytesIn { get; init; }

    public long BytesOut { get; init; }

    public long PacketsIn { get; init; }

    public long PacketsOut { get; init; }

    public double IntervalSeconds { get; init; }

    public DateTimeOffset At { get; init; }
}
