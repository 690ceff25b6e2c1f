namespace SdnDashboard.Core.Balancing;

/// <summary>What identifies a client for stickiness.</summary>
public enum AffinityMode
{
    /// <summary>The client's source MAC (the paper's choice): every flow of that MAC goes to one member.</summary>
    SourceMac,

    /// <summary>The client's source IP, for clients behind a router whose MAC is shared.</summary>
    SourceIp,

    /// <summary>No stickiness beyond the life of the installed flows; keyed by source MAC while they live.</summary>
    None,
}
