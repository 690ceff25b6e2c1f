using System.Buffers.Binary;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Control.Frames;

/// <summary>
/// Reads the Ethernet, ARP, IPv4 and TCP/UDP headers of a frame from a packet-in. A packet-in may carry
/// only the first bytes of a frame, so a payload shorter than the IPv4 total length is normal; a header
/// shorter than its own fixed size is malformed.
/// </summary>
public static class FrameReader
{
    public const int EthernetHeaderSize = 14;
    public const int VlanTagSize = 4;
    public const int ArpIpv4Size = 28;
    public const int Ipv4MinHeaderSize = 20;

    /// <summary>Reads the headers; throws <see cref="FrameFormatException"/> naming the offset when malformed.</summary>
    public static FrameHeaders Read(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < EthernetHeaderSize)
        {
            throw new FrameFormatException(frame.Length, $"Ethernet header needs {EthernetHeaderSize} bytes, have {frame.Length}");
        }

        var headers = new FrameHeaders
        {
            EthDst = MacAddress.Read(frame),
            EthSrc = MacAddress.Read(frame[6..]),
        };
        var offset = 12;
        var type = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
        ushort? vlan = null;
        if (type == EtherTypes.Vlan)
        {
            if (frame.Length < EthernetHeaderSize + VlanTagSize)
            {
                throw new FrameFormatException(frame.Length, "802.1Q tag cut short");
            }

            vlan = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]) & 0x0FFF);
            offset += VlanTagSize;
            type = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
        }

        offset += 2;
        headers = headers with { EthType = type, VlanId = vlan, NetworkOffset = offset };
        return type switch
        {
            EtherTypes.Arp => ReadArp(frame, offset, headers),
            EtherTypes.Ipv4 => ReadIpv4(frame, offset, headers),
            _ => headers,
        };
    }

    /// <summary>Reads the headers, or returns <c>false</c> for a malformed frame.</summary>
    public static bool TryRead(ReadOnlySpan<byte> frame, out FrameHeaders headers)
    {
        try
        {
            headers = Read(frame);
            return true;
        }
        catch (FrameFormatException)
        {
            headers = default;
            return false;
        }
    }

    private static FrameHeaders ReadArp(ReadOnlySpan<byte> frame, int offset, FrameHeaders headers)
    {
        var arp = frame[offset..];
        if (arp.Length < ArpIpv4Size)
        {
            throw new FrameFormatException(frame.Length, $"ARP needs {ArpIpv4Size} bytes, have {arp.Length}");
        }

        // Only Ethernet/IPv4 ARP has the 6+4 address layout read below.
        if (BinaryPrimitives.ReadUInt16BigEndian(arp) != 1 || BinaryPrimitives.ReadUInt16BigEndian(arp[2..]) != EtherTypes.Ipv4
            || arp[4] != 6 || arp[5] != 4)
        {
            throw new FrameFormatException(offset, "ARP is not Ethernet/IPv4 (htype 1, ptype 0x0800, hlen 6, plen 4)");
        }

        return headers with
        {
            ArpOperation = BinaryPrimitives.ReadUInt16BigEndian(arp[6..]),
            ArpSenderMac = MacAddress.Read(arp[8..]),
            ArpSenderIp = BinaryPrimitives.ReadUInt32BigEndian(arp[14..]),
            ArpTargetMac = MacAddress.Read(arp[18..]),
            ArpTargetIp = BinaryPrimitives.ReadUInt32BigEndian(arp[24..]),
        };
    }

    private static FrameHeaders ReadIpv4(ReadOnlySpan<byte> frame, int offset, FrameHeaders headers)
    {
        var ip = frame[offset..];
        if (ip.Length < Ipv4MinHeaderSize)
        {
            throw new FrameFormatException(frame.Length, $"IPv4 header needs {Ipv4MinHeaderSize} bytes, have {ip.Length}");
        }

        if (ip[0] >> 4 != 4)
        {
            throw new FrameFormatException(offset, $"IPv4 version is {ip[0] >> 4}");
        }

        var headerLength = (ip[0] & 0x0F) * 4;
        if (headerLength < Ipv4MinHeaderSize || headerLength > ip.Length)
        {
            throw new FrameFormatException(offset, $"IPv4 header length {headerLength} outside 20..{ip.Length}");
        }

        var protocol = ip[9];
        headers = headers with
        {
            IpProto = protocol,
            Ipv4Src = BinaryPrimitives.ReadUInt32BigEndian(ip[12..]),
            Ipv4Dst = BinaryPrimitives.ReadUInt32BigEndian(ip[16..]),
            TransportOffset = offset + headerLength,
        };
        var fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x1FFF;
        var transport = ip[headerLength..];
        return protocol is EtherTypes.TcpProtocol or EtherTypes.UdpProtocol && fragmentOffset == 0 && transport.Length >= 4
            ? headers with
            {
                HasPorts = true,
                TpSrc = BinaryPrimitives.ReadUInt16BigEndian(transport),
                TpDst = BinaryPrimitives.ReadUInt16BigEndian(transport[2..]),
            }
            : headers;
    }
}
