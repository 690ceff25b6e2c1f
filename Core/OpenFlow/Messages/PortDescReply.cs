namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>The switch's ports (1.3).</summary>
public sealed record PortDescReply : MultipartReplyMessage
{
    public IReadOnlyList<OfPort> Ports { get; init; } = [];
}
