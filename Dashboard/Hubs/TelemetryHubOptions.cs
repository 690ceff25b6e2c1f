namespace SdnDashboard.Dashboard.Hubs;

/// <summary>The <c>TelemetryHub</c> section: how often the hub may send, and the broadcaster lease between replicas.</summary>
public sealed class TelemetryHubOptions
{
    public const string Section = "TelemetryHub";

    /// <summary>
    /// The shortest gap between two delta messages, in milliseconds: changes that arrive within it are
    /// coalesced into one message, so a burst of polls costs one send per client.
    /// </summary>
    public int MinSendIntervalMs { get; set; } = 100;

    /// <summary>
    /// How long, in seconds, the replica that broadcasts holds its Redis lease without renewing it; after
    /// the holder dies another replica takes over within this time plus a fifth of it.
    /// </summary>
    public int LeaseSeconds { get; set; } = 5;
}
