namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Multipart request (1.3) / stats request (1.0); each body kind is a subtype.</summary>
public abstract record MultipartRequestMessage : OfMessage
{
    public ushort Flags { get; init; }
}
