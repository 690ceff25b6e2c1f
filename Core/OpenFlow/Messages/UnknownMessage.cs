
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>A message type this stack does not model; kept whole so it can be logged or re-sent.</summary>
public sealed record UnknownMessage : OfMessage
{
    public byte Type { get; init; }

    /// <summary>The bytes after the header.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }
}
