
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Barrier request.</summary>
public sealed record BarrierRequestMessage : OfMessage;
