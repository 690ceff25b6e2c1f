namespace SdnDashboard.Dashboard.Data;

/// <summary>A load-balanced service as last edited at run time; the stored set replaces the configured one.</summary>
public sealed class BalancerServiceRecord
{
    public required string Name { get; set; }

    /// <summary>The <c>ServiceDefinition</c> as JSON.</summary>
    public required string DefinitionJson { get; set; }

    /// <summary>Names of drained members, as JSON array.</summary>
    public string DrainedJson { get; set; } = "[]";

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
