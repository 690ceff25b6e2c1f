using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Packets;

/// <summary>
/// What <see cref="PacketHeaderParser"/> read from the first bytes of a frame: addresses, VLAN, protocol,
/// ports, flags, and the offsets of each layer. A plain value: parsing allocates nothing. A field is
/// meaningful only when <see cref="Layers"/> holds its layer.
/// </summary>
public struct PacketHeader
{
    /// <summary>The layers found complete; <see cref="PacketLayers.Truncated"/> when one was cut short.</summary>
    public PacketLayers Layers { get; internal set; }

    public MacAddress DestinationMac { get; internal set; }

    public MacAddress SourceMac { get; internal set; }

    /// <summary>The outermost 802.1Q VLAN id (12 bits), when <see cref="PacketLayers.Vlan"/>.</summary>
    public ushort VlanId { get; internal set; }

    /// <summary>The outermost 802.1Q priority code point (3 bits).</summary>
    public byte VlanPriority { get; internal set; }

    /// <summary>The EtherType after any VLAN tags (the payload's type).</summary>
    public ushort EtherType { get; internal set; }

    /// <summary>ARP opcode: 1 request, 2 reply.</summary>
    public ushort ArpOperation { get; internal set; }

    public MacAddress ArpSenderMac { get; internal set; }

    public MacAddress ArpTargetMac { get; internal set; }

    /// <summary>IP source; for ARP the sender protocol address.</summary>
    public IpAddressValue SourceIp { get; internal set; }

    /// <summary>IP destination; for ARP the target protocol address.</summary>
    public IpAddressValue DestinationIp { get; internal set; }

    /// <summary>IPv4 protocol or the IPv6 upper-layer header after extension headers.</summary>
    public byte IpProtocol { get; internal set; }

    /// <summary>IPv4 TOS or IPv6 traffic class.</summary>
    public byte IpTos { get; internal set; }

    /// <summary>IPv4 TTL or IPv6 hop limit.</summary>
    public byte IpTtl { get; internal set; }

    /// <summary>Length of the IP packet from its header (IPv4 total length; IPv6 payload length + 40).</summary>
    public int IpTotalLength { get; internal set; }

    /// <summary>A non-first fragment: it carries no transport header.</summary>
    public bool IsFragment { get; internal set; }

    public ushort SourcePort { get; internal set; }

    public ushort DestinationPort { get; internal set; }

    /// <summary>TCP flags (FIN=0x01 ... CWR=0x80, NS=0x100), when <see cref="PacketLayers.Tcp"/>.</summary>
    public ushort TcpFlags { get; internal set; }

    public byte IcmpType { get; internal set; }

    public byte IcmpCode { get; internal set; }

    /// <summary>Offset of the network header (after Ethernet and VLAN tags), or -1.</summary>
    public int NetworkOffset { get; internal set; }

    /// <summary>Offset of the transport header, or -1.</summary>
    public int TransportOffset { get; internal set; }

    /// <summary>Offset of the transport payload, or -1.</summary>
    public int PayloadOffset { get; internal set; }

    public readonly bool Has(PacketLayers layer) => (Layers & layer) == layer;

    /// <summary>True when ports are known (TCP or UDP).</summary>
    public readonly bool HasPorts => (Layers & (PacketLayers.Tcp | PacketLayers.Udp)) != 0;

    public readonly bool HasIp => (Layers & (PacketLayers.IPv4 | PacketLayers.IPv6)) != 0;
}
