using System.Buffers.Binary;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Packets;

/// <summary>
/// Writes well-formed Ethernet frames (optional 802.1Q tag, IPv4 or IPv6, TCP, UDP or ICMP, zero payload)
/// for simulated agents, tests and benchmarks. Checksums are left zero: nothing on the sFlow or OpenFlow
/// paths verifies them.
/// </summary>
public static class PacketBuilder
{
    /// <summary>Builds a whole frame of <c>headers + payloadLength</c> bytes.</summary>
    /// <param name="source">Source MAC.</param>
    /// <param name="destination">Destination MAC.</param>
    /// <param name="sourceIp">Source address; its family chooses IPv4 or IPv6.</param>
    /// <param name="destinationIp">Destination address, same family as <paramref name="sourceIp"/>.</param>
    /// <param name="protocol">TCP, UDP, ICMP or ICMPv6.</param>
    /// <param name="sourcePort">TCP/UDP source port, or ICMP type.</param>
    /// <param name="destinationPort">TCP/UDP destination port, or ICMP code.</param>
    /// <param name="payloadLength">Bytes after the transport header.</param>
    /// <param name="vlanId">An 802.1Q tag to insert, or null.</param>
    /// <param name="tcpFlags">TCP flags (default ACK).</param>
    public static byte[] BuildFrame(
        MacAddress source, MacAddress destination, IpAddressValue sourceIp, IpAddressValue destinationIp, byte protocol,
        ushort sourcePort, ushort destinationPort, int payloadLength, ushort? vlanId = null, ushort tcpFlags = 0x10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        if (sourceIp.Family != destinationIp.Family || sourceIp.IsNone)
        {
            throw new ArgumentException("Source and destination must both be IPv4 or both IPv6.", nameof(destinationIp));
        }

        var l4Length = protocol switch
        {
            IpProtocols.Tcp => PacketHeaderParser.TcpMinHeaderSize,
            IpProtocols.Udp => PacketHeaderParser.UdpHeaderSize,
            _ => 8,
        };
        var ipHeader = sourceIp.IsIPv6 ? PacketHeaderParser.IPv6HeaderSize : PacketHeaderParser.IPv4MinHeaderSize;
        var l2 = PacketHeaderParser.EthernetHeaderSize + (vlanId.HasValue ? PacketHeaderParser.VlanTagSize : 0);
        var frame = new byte[l2 + ipHeader + l4Length + payloadLength];
        var span = frame.AsSpan();
        destination.Write(span);
        source.Write(span[6..]);
        var o = 12;
        if (vlanId is { } vid)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[o..], EtherTypes.Vlan);
            BinaryPrimitives.WriteUInt16BigEndian(span[(o + 2)..], (ushort)(vid & 0x0FFF));
            o += 4;
        }

        BinaryPrimitives.WriteUInt16BigEndian(span[o..], sourceIp.IsIPv6 ? EtherTypes.IPv6 : EtherTypes.IPv4);
        o += 2;
        var ip = span[o..];
        var ipLength = ipHeader + l4Length + payloadLength;
        if (sourceIp.IsIPv6)
        {
            ip[0] = 0x60;
            BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)(l4Length + payloadLength));
            ip[6] = protocol;
            ip[7] = 64;
            sourceIp.Write(ip[8..]);
            destinationIp.Write(ip[24..]);
        }
        else
        {
            ip[0] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)ipLength);
            ip[6] = 0x40;
            ip[8] = 64;
            ip[9] = protocol;
            sourceIp.Write(ip[12..]);
            destinationIp.Write(ip[16..]);
        }

        var l4 = ip[ipHeader..];
        switch (protocol)
        {
            case IpProtocols.Tcp:
                BinaryPrimitives.WriteUInt16BigEndian(l4, sourcePort);
                BinaryPrimitives.WriteUInt16BigEndian(l4[2..], destinationPort);
                BinaryPrimitives.WriteUInt16BigEndian(l4[12..], (ushort)(0x5000 | (tcpFlags & 0x01FF)));
                BinaryPrimitives.WriteUInt16BigEndian(l4[14..], 0xFFFF);
                break;
            case IpProtocols.Udp:
                BinaryPrimitives.WriteUInt16BigEndian(l4, sourcePort);
                BinaryPrimitives.WriteUInt16BigEndian(l4[2..], destinationPort);
                BinaryPrimitives.WriteUInt16BigEndian(l4[4..], (ushort)(l4Length + payloadLength));
                break;
            default:
                l4[0] = (byte)sourcePort;
                l4[1] = (byte)destinationPort;
                break;
        }

        return frame;
    }

    /// <summary>Builds an Ethernet/IPv4 ARP request or reply (42 bytes).</summary>
    public static byte[] BuildArp(
        ushort operation, MacAddress senderMac, IpAddressValue senderIp, MacAddress targetMac, IpAddressValue targetIp)
    {
        var frame = new byte[PacketHeaderParser.EthernetHeaderSize + PacketHeaderParser.ArpIPv4Size];
        var span = frame.AsSpan();
        (operation == 1 ? MacAddress.Broadcast : targetMac).Write(span);
        senderMac.Write(span[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], EtherTypes.Arp);
        var arp = span[14..];
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp[2..], EtherTypes.IPv4);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp[6..], operation);
        senderMac.Write(arp[8..]);
        senderIp.Write(arp[14..]);
        targetMac.Write(arp[18..]);
        targetIp.Write(arp[24..]);
        return frame;
    }
}
