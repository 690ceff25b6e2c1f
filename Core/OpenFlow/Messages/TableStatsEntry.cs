namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Counters of one table (name, wildcards and max entries exist only in 1.0).</summary>
public sealed record TableStatsEntry
{
    public byte TableId { get; init; }

    public string Name { get; init; } = "";

    public uint Wildcards { get; init; }

    public uint MaxEntries { get; init; }

    public uint ActiveCount { get; init; }

    public ulong LookupCount { get; init; }

    public ulong MatchedCount { get; init; }
}
