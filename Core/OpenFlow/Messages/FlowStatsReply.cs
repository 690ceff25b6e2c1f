namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Flows the switch holds, one part of possibly several.</summary>
public sealed record FlowStatsReply : MultipartReplyMessage
{
    public IReadOnlyList<FlowStatsEntry> Flows { get; init; } = [];
}
