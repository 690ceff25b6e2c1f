using System.Buffers.Binary;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Packets;

/// <summary>
/// Parses Ethernet, 802.1Q, ARP, IPv4, IPv6, TCP, UDP and ICMP headers from the first bytes of a frame.
/// Tolerates truncation anywhere (sFlow samples and packet-ins carry only the first N bytes): it fills
/// what the bytes hold, marks <see cref="PacketLayers.Truncated"/>, never throws and never reads past the span.
/// </summary>
public static class PacketHeaderParser
{
    public const int EthernetHeaderSize = 14;
    public const int VlanTagSize = 4;
    public const int ArpIPv4Size = 28;
    public const int IPv4MinHeaderSize = 20;
    public const int IPv6HeaderSize = 40;
    public const int TcpMinHeaderSize = 20;
    public const int UdpHeaderSize = 8;
    public const int IcmpHeaderSize = 4;

    /// <summary>Parses an Ethernet frame (with any number of 802.1Q / 802.1ad tags).</summary>
    public static PacketHeader ParseEthernet(ReadOnlySpan<byte> frame)
    {
        var h = NewHeader();
        if (frame.Length < EthernetHeaderSize)
        {
            h.Layers = PacketLayers.Truncated;
            return h;
        }

        h.DestinationMac = MacAddress.Read(frame);
        h.SourceMac = MacAddress.Read(frame[6..]);
        h.Layers = PacketLayers.Ethernet;
        var type = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        var offset = EthernetHeaderSize;
        var outer = true;
        while (type is EtherTypes.Vlan or EtherTypes.QinQ)
        {
            if (frame.Length - offset < VlanTagSize)
            {
                h.EtherType = type;
                h.Layers |= PacketLayers.Truncated;
                return h;
            }

            var tci = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
            if (outer)
            {
                h.VlanId = (ushort)(tci & 0x0FFF);
                h.VlanPriority = (byte)(tci >> 13);
                h.Layers |= PacketLayers.Vlan;
                outer = false;
            }

            type = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
            offset += VlanTagSize;
        }

        h.EtherType = type;
        ParseNetwork(frame, offset, type, ref h);
        return h;
    }

    /// <summary>Parses a bare IPv4 or IPv6 packet (no link header), chosen by its version nibble.</summary>
    public static PacketHeader ParseIp(ReadOnlySpan<byte> packet)
    {
        var h = NewHeader();
        if (packet.IsEmpty)
        {
            h.Layers = PacketLayers.Truncated;
            return h;
        }

        var type = (packet[0] >> 4) == 6 ? EtherTypes.IPv6 : EtherTypes.IPv4;
        h.EtherType = type;
        ParseNetwork(packet, 0, type, ref h);
        return h;
    }

    private static PacketHeader NewHeader() => new() { NetworkOffset = -1, TransportOffset = -1, PayloadOffset = -1 };

    private static void ParseNetwork(ReadOnlySpan<byte> frame, int offset, ushort type, ref PacketHeader h)
    {
        switch (type)
        {
            case EtherTypes.IPv4:
                h.NetworkOffset = offset;
                ParseIPv4(frame, offset, ref h);
                break;
            case EtherTypes.IPv6:
                h.NetworkOffset = offset;
                ParseIPv6(frame, offset, ref h);
                break;
            case EtherTypes.Arp:
                h.NetworkOffset = offset;
                ParseArp(frame[offset..], ref h);
                break;
            default:
                break;
        }
    }

    private static void ParseArp(ReadOnlySpan<byte> arp, ref PacketHeader h)
    {
        // Only Ethernet/IPv4 ARP has fixed offsets; anything else is left as an unparsed EtherType.
        if (arp.Length < ArpIPv4Size)
        {
            h.Layers |= PacketLayers.Truncated;
            return;
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(arp) != 1 || BinaryPrimitives.ReadUInt16BigEndian(arp[2..]) != EtherTypes.IPv4
            || arp[4] != 6 || arp[5] != 4)
        {
            return;
        }

        h.ArpOperation = BinaryPrimitives.ReadUInt16BigEndian(arp[6..]);
        h.ArpSenderMac = MacAddress.Read(arp[8..]);
        h.SourceIp = IpAddressValue.ReadIPv4(arp[14..]);
        h.ArpTargetMac = MacAddress.Read(arp[18..]);
        h.DestinationIp = IpAddressValue.ReadIPv4(arp[24..]);
        h.Layers |= PacketLayers.Arp;
    }

    private static void ParseIPv4(ReadOnlySpan<byte> frame, int offset, ref PacketHeader h)
    {
        var ip = frame[offset..];
        if (ip.Length < IPv4MinHeaderSize || (ip[0] >> 4) != 4)
        {
            h.Layers |= PacketLayers.Truncated;
            return;
        }

        var headerLength = (ip[0] & 0x0F) * 4;
        h.IpTos = ip[1];
        h.IpTotalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var fragment = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]);
        h.IsFragment = (fragment & 0x1FFF) != 0;
        h.IpTtl = ip[8];
        h.IpProtocol = ip[9];
        h.SourceIp = IpAddressValue.ReadIPv4(ip[12..]);
        h.DestinationIp = IpAddressValue.ReadIPv4(ip[16..]);
        h.Layers |= PacketLayers.IPv4;
        if (headerLength < IPv4MinHeaderSize || headerLength > ip.Length)
        {
            h.Layers |= PacketLayers.Truncated;
            return;
        }

        if (!h.IsFragment)
        {
            ParseTransport(frame, offset + headerLength, h.IpProtocol, ref h);
        }
    }

    private static void ParseIPv6(ReadOnlySpan<byte> frame, int offset, ref PacketHeader h)
    {
        var ip = frame[offset..];
        if (ip.Length < IPv6HeaderSize || (ip[0] >> 4) != 6)
        {
            h.Layers |= PacketLayers.Truncated;
            return;
        }

        h.IpTos = (byte)(BinaryPrimitives.ReadUInt16BigEndian(ip) >> 4);
        h.IpTotalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]) + IPv6HeaderSize;
        var next = ip[6];
        h.IpTtl = ip[7];
        h.SourceIp = IpAddressValue.ReadIPv6(ip[8..]);
        h.DestinationIp = IpAddressValue.ReadIPv6(ip[24..]);
        h.Layers |= PacketLayers.IPv6;
        var position = offset + IPv6HeaderSize;

        // Bounded: each extension header advances by at least 8 bytes.
        while (next is IpProtocols.IPv6HopByHop or IpProtocols.IPv6Routing or IpProtocols.IPv6DestinationOptions
               or IpProtocols.IPv6Fragment)
        {
            if (frame.Length - position < 8)
            {
                h.IpProtocol = next;
                h.Layers |= PacketLayers.Truncated;
                return;
            }

            var ext = frame[position..];
            if (next == IpProtocols.IPv6Fragment)
            {
                h.IsFragment = (BinaryPrimitives.ReadUInt16BigEndian(ext[2..]) & 0xFFF8) != 0;
                next = ext[0];
                position += 8;
                if (h.IsFragment)
                {
                    h.IpProtocol = next;
                    return;
                }

                continue;
            }

            var length = (ext[1] + 1) * 8;
            next = ext[0];
            if (frame.Length - position < length)
            {
                h.IpProtocol = next;
                h.Layers |= PacketLayers.Truncated;
                return;
            }

            position += length;
        }

        h.IpProtocol = next;
        ParseTransport(frame, position, next, ref h);
    }

    private static void ParseTransport(ReadOnlySpan<byte> frame, int offset, byte protocol, ref PacketHeader h)
    {
        var l4 = frame[offset..];
        switch (protocol)
        {
            case IpProtocols.Tcp:
                h.TransportOffset = offset;
                if (l4.Length < TcpMinHeaderSize)
                {
                    h.Layers |= PacketLayers.Truncated;
                    return;
                }

                h.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(l4);
                h.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(l4[2..]);
                h.TcpFlags = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(l4[12..]) & 0x01FF);
                h.Layers |= PacketLayers.Tcp;
                var dataOffset = (l4[12] >> 4) * 4;
                h.PayloadOffset = dataOffset >= TcpMinHeaderSize && dataOffset <= l4.Length ? offset + dataOffset : -1;
                break;
            case IpProtocols.Udp:
                h.TransportOffset = offset;
                if (l4.Length < UdpHeaderSize)
                {
                    h.Layers |= PacketLayers.Truncated;
                    return;
                }

                h.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(l4);
                h.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(l4[2..]);
                h.Layers |= PacketLayers.Udp;
                h.PayloadOffset = offset + UdpHeaderSize;
                break;
            case IpProtocols.Icmp or IpProtocols.Icmpv6:
                h.TransportOffset = offset;
                if (l4.Length < IcmpHeaderSize)
                {
                    h.Layers |= PacketLayers.Truncated;
                    return;
                }

                h.IcmpType = l4[0];
                h.IcmpCode = l4[1];
                h.Layers |= PacketLayers.Icmp;
                h.PayloadOffset = offset + IcmpHeaderSize;
                break;
            default:
                break;
        }
    }
}
