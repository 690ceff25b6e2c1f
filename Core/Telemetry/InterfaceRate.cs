namespace SdnDashboard.Core.Telemetry;

/// <summary>
/// Rates of one switch port (agent and ifIndex) from two successive sFlow generic interface counter
/// samples, wrap and reset aware. A rate is null when the agent reports that counter as unknown.
/// </summary>
public sealed record InterfaceRate
{
    public required string Agent { get; init; }

    public long IfIndex { get; init; }

    /// <summary>The port name when the agent sends one (Open vSwitch does: the tap or veth name).</summary>
    public string? Name { get; init; }

    public long SpeedBitsPerSec { get; init; }

    /// <summary>Operational status bit of ifStatus.</summary>
    public bool Up { get; init; }

    public double InBytesPerSec { get; init; }

    public double OutBytesPerSec { get; init; }

    public double? InPacketsPerSec { get; init; }

    public double? OutPacketsPerSec { get; init; }

    public double? InErrorsPerSec { get; init; }

    public double? OutErrorsPerSec { get; init; }

    public double? InDiscardsPerSec { get; init; }

    public double? OutDiscardsPerSec { get; init; }

    /// <summary>Counter resets seen on this port (agent restart, counters going backwards) since the collector started.</summary>
    public long Resets { get; init; }

    public DateTimeOffset At { get; init; }
}
