namespace SdnDashboard.Core.Balancing;

/// <summary>How a service keeps a client on one member (<c>Balancer:Services:N:Affinity</c>).</summary>
public sealed record AffinityDefinition
{
    /// <summary><c>SourceMac</c>, <c>SourceIp</c> or <c>None</c>.</summary>
    public string Mode { get; init; } = nameof(AffinityMode.SourceMac);

    /// <summary>
    /// How long a client keeps its member after its last known activity (its flows expiring counts as
    /// activity up to the flow idle timeout). 1 to 86400.
    /// </summary>
    public int IdleTimeoutSeconds { get; init; } = 300;
}
