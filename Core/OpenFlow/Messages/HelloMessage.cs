
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Hello: opens version negotiation. <see cref="VersionBitmap"/> is the version-bitmap element when present.</summary>
public sealed record HelloMessage : OfMessage
{
    /// <summary>Bit n set = wire version n offered; null when the hello had no bitmap element.</summary>
    public uint? VersionBitmap { get; init; }
}
