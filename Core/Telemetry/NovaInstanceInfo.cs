namespace SdnDashboard.Core.Telemetry;

/// <summary>The <c>&lt;nova:instance&gt;</c> metadata Nova writes into each domain's XML.</summary>
public sealed record NovaInstanceInfo
{
    public string? InstanceName { get; init; }

    public string? Flavor { get; init; }

    public string? ProjectName { get; init; }

    public string? ProjectId { get; init; }

    public string? UserName { get; init; }

    public string? UserId { get; init; }
}
