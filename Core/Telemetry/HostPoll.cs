using System.Text.Json.Serialization;

namespace SdnDashboard.Core.Telemetry;

/// <summary>The change batch a libvirt collector publishes once per poll and host.</summary>
public sealed record HostPoll
{
    [JsonPropertyName("v")]
    public int V { get; init; } = 1;

    public required HostSample Host { get; init; }

    public IReadOnlyList<VmSample> Vms { get; init; } = [];

    /// <summary>Wall time the poll took, for the collector status column.</summary>
    public double PollMilliseconds { get; init; }

    public DateTimeOffset At { get; init; }
}
