
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Output to a port; port is the wire value (16-bit in 1.0).</summary>
public sealed record OfOutputAction(uint Port, ushort MaxLength) : OfAction;
