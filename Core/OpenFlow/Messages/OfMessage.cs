
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>One OpenFlow message, version-neutral in shape; the codec of each version maps it to and from the wire.</summary>
public abstract record OfMessage
{
    /// <summary>Transaction id, echoed in replies.</summary>
    public uint Xid { get; init; }
}
