
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>A 1.3 instruction.</summary>
public abstract record OfInstruction;
