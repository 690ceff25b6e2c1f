
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Echo reply.</summary>
public sealed record EchoReplyMessage : OfMessage
{
    public ReadOnlyMemory<byte> Data { get; init; }
}
