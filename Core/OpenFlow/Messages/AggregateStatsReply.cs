namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Sums over the flows matching an aggregate request.</summary>
public sealed record AggregateStatsReply : MultipartReplyMessage
{
    public ulong PacketCount { get; init; }

    public ulong ByteCount { get; init; }

    public uint FlowCount { get; init; }
}
