
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>A match as the wire carries it: OXM (1.3) or the fixed 1.0 structure.</summary>
public abstract record OfMatch;
