using System.Buffers.Binary;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Control.Frames;

/// <summary>
/// Builds the frames the controller sends itself (ARP replies for a virtual IP, ARP probes for members)
/// and the test and benchmark traffic (TCP, UDP, ICMP echo), with valid checksums.
/// </summary>
public static class FrameBuilder
{
    public const ushort ArpRequest = 1;
    public const ushort ArpReply = 2;

    /// <summary>A broadcast ARP request: who has <paramref name="targetIp"/>? tell <paramref name="senderIp"/>.</summary>
    public static byte[] BuildArpRequest(MacAddress senderMac, uint senderIp, uint targetIp) =>
        BuildArp(MacAddress.Broadcast, ArpRequest, senderMac, senderIp, MacAddress.Zero, targetIp);

    /// <summary>A unicast ARP reply: <paramref name="senderIp"/> is at <paramref name="senderMac"/>.</summary>
    public static byte[] BuildArpReply(MacAddress senderMac, uint senderIp, MacAddress targetMac, uint targetIp) =>
        BuildArp(targetMac, ArpReply, senderMac, senderIp, targetMac, targetIp);

    public static byte[] BuildTcp(
        MacAddress srcMac, MacAddress dstMac, uint srcIp, uint dstIp, ushort srcPort, ushort dstPort,
        byte flags = 0x02, ReadOnlySpan<byte> payload = default)
    {
        Span<byte> tcp = stackalloc byte[20 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], dstPort);
        tcp[12] = 5 << 4;
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 0xFFFF);
        payload.CopyTo(tcp[20..]);
        return BuildIpv4(srcMac, dstMac, srcIp, dstIp, EtherTypes.TcpProtocol, tcp);
    }

    public static byte[] BuildUdp(
        MacAddress srcMac, MacAddress dstMac, uint srcIp, uint dstIp, ushort srcPort, ushort dstPort, ReadOnlySpan<byte> payload = default)
    {
        Span<byte> udp = stackalloc byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(udp, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], dstPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udp.Length);
        payload.CopyTo(udp[8..]);
        return BuildIpv4(srcMac, dstMac, srcIp, dstIp, EtherTypes.UdpProtocol, udp);
    }

    /// <summary>An ICMP echo request (type 8) or reply (type 0).</summary>
    public static byte[] BuildIcmpEcho(
        MacAddress srcMac, MacAddress dstMac, uint srcIp, uint dstIp, bool reply, ushort identifier, ushort sequence)
    {
        Span<byte> icmp = stackalloc byte[8];
        icmp[0] = reply ? (byte)0 : (byte)8;
        BinaryPrimitives.WriteUInt16BigEndian(icmp[4..], identifier);
        BinaryPrimitives.WriteUInt16BigEndian(icmp[6..], sequence);
        BinaryPrimitives.WriteUInt16BigEndian(icmp[2..], InternetChecksum.Compute(icmp));
        return BuildIpv4(srcMac, dstMac, srcIp, dstIp, EtherTypes.IcmpProtocol, icmp);
    }

    /// <summary>An Ethernet + IPv4 (no options) frame around <paramref name="transport"/>; fills the TCP/UDP checksum.</summary>
    public static byte[] BuildIpv4(MacAddress srcMac, MacAddress dstMac, uint srcIp, uint dstIp, byte protocol, ReadOnlySpan<byte> transport)
    {
        var frame = new byte[FrameReader.EthernetHeaderSize + FrameReader.Ipv4MinHeaderSize + transport.Length];
        WriteEthernet(frame, dstMac, srcMac, EtherTypes.Ipv4);
        var ip = frame.AsSpan(FrameReader.EthernetHeaderSize);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(FrameReader.Ipv4MinHeaderSize + transport.Length));
        ip[8] = 64;
        ip[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], srcIp);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], dstIp);
        transport.CopyTo(ip[FrameReader.Ipv4MinHeaderSize..]);
        FrameRewriter.UpdateChecksums(frame, FrameReader.EthernetHeaderSize);
        return frame;
    }

    private static byte[] BuildArp(MacAddress ethDst, ushort operation, MacAddress senderMac, uint senderIp, MacAddress targetMac, uint targetIp)
    {
        var frame = new byte[FrameReader.EthernetHeaderSize + FrameReader.ArpIpv4Size];
        WriteEthernet(frame, ethDst, senderMac, EtherTypes.Arp);
        var arp = frame.AsSpan(FrameReader.EthernetHeaderSize);
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp[2..], EtherTypes.Ipv4);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp[6..], operation);
        senderMac.Write(arp[8..]);
        BinaryPrimitives.WriteUInt32BigEndian(arp[14..], senderIp);
        targetMac.Write(arp[18..]);
        BinaryPrimitives.WriteUInt32BigEndian(arp[24..], targetIp);
        return frame;
    }

    private static void WriteEthernet(Span<byte> frame, MacAddress dst, MacAddress src, ushort etherType)
    {
        dst.Write(frame);
        src.Write(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], etherType);
    }
}
