using System.Net;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Control;

/// <summary>
/// A version-neutral flow match: every field left <c>null</c> is a wildcard. The connection layer encodes
/// it as OXM (OpenFlow 1.3) or an <c>ofp_match</c> with wildcards (OpenFlow 1.0).
/// </summary>
public sealed record PacketMatch
{
    public static readonly PacketMatch Any = new();

    public uint? InPort { get; init; }

    public MacAddress? EthSrc { get; init; }

    public MacAddress? EthDst { get; init; }

    public ushort? EthType { get; init; }

    public ushort? VlanId { get; init; }

    public byte? IpProto { get; init; }

    public IPAddress? Ipv4Src { get; init; }

    public IPAddress? Ipv4Dst { get; init; }

    /// <summary>TCP or UDP source port (needs <see cref="IpProto"/>).</summary>
    public ushort? TpSrc { get; init; }

    /// <summary>TCP or UDP destination port (needs <see cref="IpProto"/>).</summary>
    public ushort? TpDst { get; init; }

    /// <summary>ARP target protocol address (needs EthType 0x0806).</summary>
    public IPAddress? ArpTpa { get; init; }
}
