
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>1.3 set-field: one OXM TLV (header and value).</summary>
public sealed record OfSetFieldAction(ReadOnlyMemory<byte> Oxm) : OfAction;
