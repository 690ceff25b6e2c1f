
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Goto-table: continue in a later table.</summary>
public sealed record GotoTableInstruction(byte TableId) : OfInstruction;
