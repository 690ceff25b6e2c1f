namespace SdnDashboard.Dashboard.Data;

/// <summary>A persisted audit or system event (switch connected, VM down, policy changed by whom).</summary>
public sealed class EventRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary><c>audit</c> for changes people made, <c>system</c> for what the platform saw.</summary>
    public required string Category { get; set; }

    /// <summary>Short machine-readable kind, e.g. <c>switch.connected</c>, <c>balancer.algorithm</c>.</summary>
    public required string Kind { get; set; }

    public required string Source { get; set; }

    public required string Message { get; set; }

    /// <summary>Who did it, for audit events.</summary>
    public string? User { get; set; }
}
