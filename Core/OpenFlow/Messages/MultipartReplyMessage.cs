namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Multipart reply (1.3) / stats reply (1.0); <see cref="More"/> says further parts follow.</summary>
public abstract record MultipartReplyMessage : OfMessage
{
    public ushort Flags { get; init; }

    /// <summary>OFPMPF_REPLY_MORE: this reply is one part of several.</summary>
    public bool More => (Flags & 1) != 0;
}
