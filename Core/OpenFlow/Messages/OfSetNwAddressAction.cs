
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>1.0 set_nw_src / set_nw_dst (IPv4 in network order as an integer).</summary>
public sealed record OfSetNwAddressAction(bool Destination, uint Address) : OfAction;
