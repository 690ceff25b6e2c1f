namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Asks for individual flows (or, with <see cref="Aggregate"/>, their sums) matching a filter.</summary>
public sealed record FlowStatsRequest : MultipartRequestMessage
{
    /// <summary><c>true</c> for an aggregate request (same body).</summary>
    public bool Aggregate { get; init; }

    /// <summary>0xff = all tables.</summary>
    public byte TableId { get; init; } = 0xFF;

    /// <summary>Wire value.</summary>
    public uint OutPort { get; init; }

    /// <summary>1.3 only.</summary>
    public uint OutGroup { get; init; }

    /// <summary>1.3 only.</summary>
    public ulong Cookie { get; init; }

    /// <summary>1.3 only.</summary>
    public ulong CookieMask { get; init; }

    public required OfMatch Match { get; init; }
}
