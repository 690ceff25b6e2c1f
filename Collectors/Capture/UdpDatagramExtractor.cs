using System.Buffers.Binary;
using SdnDashboard.Core.Packets;

namespace SdnDashboard.Collectors.Capture;

/// <summary>
/// Finds the UDP datagram in a captured frame over Ethernet (with VLAN tags), Linux cooked capture
/// (SLL and SLL2, what captures on <c>any</c> use), BSD loopback, or raw IP; IPv4 and IPv6.
/// </summary>
public static class UdpDatagramExtractor
{
    private const int SllHeaderSize = 16;
    private const int Sll2HeaderSize = 20;
    private const int NullHeaderSize = 4;

    /// <summary>Returns false for frames that are not complete, unfragmented UDP.</summary>
    public static bool TryExtract(in CapturedFrame frame, out UdpDatagram datagram)
    {
        datagram = default;
        var data = frame.Data.Span;
        int networkOffset;
        switch (frame.LinkType)
        {
            case LinkTypes.Ethernet:
                var eth = PacketHeaderParser.ParseEthernet(data);
                if (eth.NetworkOffset < 0)
                {
                    return false;
                }

                networkOffset = eth.NetworkOffset;
                break;
            case LinkTypes.LinuxSll:
                networkOffset = SllHeaderSize;
                break;
            case LinkTypes.LinuxSll2:
                networkOffset = Sll2HeaderSize;
                break;
            case LinkTypes.Null:
                networkOffset = NullHeaderSize;
                break;
            case LinkTypes.Raw or LinkTypes.IPv4 or LinkTypes.IPv6:
                networkOffset = 0;
                break;
            default:
                return false;
        }

        if (data.Length <= networkOffset)
        {
            return false;
        }

        var ip = PacketHeaderParser.ParseIp(data[networkOffset..]);
        if (!ip.Has(PacketLayers.Udp) || ip.Has(PacketLayers.Truncated) || ip.IsFragment)
        {
            return false;
        }

        var udpOffset = networkOffset + ip.TransportOffset;
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(data[(udpOffset + 4)..]);
        if (udpLength < PacketHeaderParser.UdpHeaderSize || udpLength > data.Length - udpOffset)
        {
            return false;
        }

        datagram = new UdpDatagram(
            ip.SourceIp, ip.SourcePort, ip.DestinationIp, ip.DestinationPort,
            frame.Data.Slice(udpOffset + PacketHeaderParser.UdpHeaderSize, udpLength - PacketHeaderParser.UdpHeaderSize));
        return true;
    }
}
