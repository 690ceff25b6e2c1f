
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Write-actions: merge into the action set.</summary>
public sealed record WriteActionsInstruction(IReadOnlyList<OfAction> Actions) : OfInstruction;
