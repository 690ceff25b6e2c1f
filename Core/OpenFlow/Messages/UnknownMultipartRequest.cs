namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>A multipart request kind this stack does not model.</summary>
public sealed record UnknownMultipartRequest : MultipartRequestMessage
{
    public ushort Type { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }
}
