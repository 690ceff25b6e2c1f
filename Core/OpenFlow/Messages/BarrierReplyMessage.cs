
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Barrier reply.</summary>
public sealed record BarrierReplyMessage : OfMessage;
