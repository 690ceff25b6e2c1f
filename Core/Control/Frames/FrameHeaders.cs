using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Control.Frames;

/// <summary>
/// The header fields of one frame that the controller apps and the fake flow table look at: Ethernet
/// (with one VLAN tag), ARP, IPv4 and TCP/UDP ports. Addresses are host-order <see cref="uint"/>s
/// (see <see cref="Ipv4"/>). Fields of layers the frame does not have are zero.
/// </summary>
public readonly record struct FrameHeaders
{
    public MacAddress EthDst { get; init; }

    public MacAddress EthSrc { get; init; }

    /// <summary>The EtherType after any VLAN tag.</summary>
    public ushort EthType { get; init; }

    /// <summary>The 12-bit VLAN id when the frame carries an 802.1Q tag.</summary>
    public ushort? VlanId { get; init; }

    /// <summary>Offset of the layer-3 header (14, or 18 with a VLAN tag).</summary>
    public int NetworkOffset { get; init; }

    public ushort ArpOperation { get; init; }

    public MacAddress ArpSenderMac { get; init; }

    public uint ArpSenderIp { get; init; }

    public MacAddress ArpTargetMac { get; init; }

    public uint ArpTargetIp { get; init; }

    public uint Ipv4Src { get; init; }

    public uint Ipv4Dst { get; init; }

    public byte IpProto { get; init; }

    /// <summary>Offset of the layer-4 header; 0 when there is none.</summary>
    public int TransportOffset { get; init; }

    /// <summary>True when TCP/UDP ports were present in the bytes given (not a later fragment, not cut short).</summary>
    public bool HasPorts { get; init; }

    public ushort TpSrc { get; init; }

    public ushort TpDst { get; init; }

    public bool IsArp => EthType == EtherTypes.Arp;

    public bool IsIpv4 => EthType == EtherTypes.Ipv4;
}
