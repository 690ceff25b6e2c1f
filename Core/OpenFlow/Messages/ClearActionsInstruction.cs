
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Clear-actions: empty the action set.</summary>
public sealed record ClearActionsInstruction : OfInstruction;
