namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Per-port counters.</summary>
public sealed record PortStatsReply : MultipartReplyMessage
{
    public IReadOnlyList<PortStatsEntry> Ports { get; init; } = [];
}
