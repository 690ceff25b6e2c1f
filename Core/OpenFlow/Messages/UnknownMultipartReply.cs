namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>A multipart reply kind this stack does not model.</summary>
public sealed record UnknownMultipartReply : MultipartReplyMessage
{
    public ushort Type { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }
}
