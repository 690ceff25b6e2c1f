
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Port-status: a port was added, deleted or changed.</summary>
public sealed record PortStatusMessage : OfMessage
{
    /// <summary>0 add, 1 delete, 2 modify.</summary>
    public byte Reason { get; init; }

    public required OfPort Port { get; init; }
}
