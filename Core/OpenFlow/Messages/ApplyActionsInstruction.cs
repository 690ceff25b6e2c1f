
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Apply-actions: run the actions now (and the whole 1.0 action list).</summary>
public sealed record ApplyActionsInstruction(IReadOnlyList<OfAction> Actions) : OfInstruction;
