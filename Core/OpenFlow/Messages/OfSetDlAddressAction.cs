using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>1.0 set_dl_src / set_dl_dst.</summary>
public sealed record OfSetDlAddressAction(bool Destination, MacAddress Address) : OfAction;
