using System.Net;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Control;

/// <summary>A version-neutral action applied to a matching packet, in list order.</summary>
public abstract record FlowAction;

/// <summary>Send out of <paramref name="Port"/> (a number or one of <see cref="OfPorts"/>).</summary>
public sealed record OutputAction(uint Port, ushort MaxLength = 0xFFFF) : FlowAction;

public sealed record SetEthSrcAction(MacAddress Mac) : FlowAction;

public sealed record SetEthDstAction(MacAddress Mac) : FlowAction;

public sealed record SetIpv4SrcAction(IPAddress Address) : FlowAction;

public sealed record SetIpv4DstAction(IPAddress Address) : FlowAction;
