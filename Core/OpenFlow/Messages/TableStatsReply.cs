namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Per-table counters.</summary>
public sealed record TableStatsReply : MultipartReplyMessage
{
    public IReadOnlyList<TableStatsEntry> Tables { get; init; } = [];
}
