
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Echo request (keep-alive); the reply carries the same xid and data.</summary>
public sealed record EchoRequestMessage : OfMessage
{
    public ReadOnlyMemory<byte> Data { get; init; }
}
