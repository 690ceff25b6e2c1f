using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Tests.Balancing;

/// <summary>
/// A host on the <see cref="FakeNetwork"/> with a minimal IP stack: an ARP cache filled from ARP replies and
/// from requests for its own address, packets to an unresolved address held until the reply, answers to ARP
/// requests and pings, and (when <see cref="ServesTcp"/>) a reply to every TCP segment, like a server's SYN-ACK.
/// </summary>
public sealed class FakeHost(string name, MacAddress mac, uint ip, uint port)
{
    private readonly Dictionary<uint, MacAddress> _arpCache = [];
    private readonly List<(uint Ip, Func<MacAddress, byte[]> Build)> _pending = [];

    public string Name { get; } = name;

    public MacAddress Mac { get; } = mac;

    public uint Ip { get; } = ip;

    public uint Port { get; } = port;

    /// <summary>Reply to TCP segments addressed to this host.</summary>
    public bool ServesTcp { get; init; }

    /// <summary>Answer nothing (a host that is down but still cabled).</summary>
    public bool Silent { get; set; }

    /// <summary>IPv4 packets addressed to this host, as received.</summary>
    public List<FrameHeaders> ReceivedIp { get; } = [];

    /// <summary>ARP packets delivered to this host (broadcast or to its MAC).</summary>
    public List<FrameHeaders> ReceivedArp { get; } = [];

    /// <summary>Frames that reached the port but were for another MAC (flooded unicast).</summary>
    public int Ignored { get; private set; }

    public IReadOnlyDictionary<uint, MacAddress> ArpCache => _arpCache;

    public override string ToString() => Name;

    /// <summary>Frames to send for one TCP segment to an address (an ARP request first when unresolved).</summary>
    public IEnumerable<byte[]> SendTcp(uint dstIp, ushort srcPort, ushort dstPort, byte flags = 0x02) =>
        SendIp(dstIp, dstMac => FrameBuilder.BuildTcp(Mac, dstMac, Ip, dstIp, srcPort, dstPort, flags));

    public IEnumerable<byte[]> Ping(uint dstIp, ushort sequence = 1) =>
        SendIp(dstIp, dstMac => FrameBuilder.BuildIcmpEcho(Mac, dstMac, Ip, dstIp, reply: false, 7, sequence));

    /// <summary>Takes a frame from the wire; returns the frames the host sends in answer.</summary>
    public IEnumerable<byte[]> Receive(byte[] frame)
    {
        var headers = FrameReader.Read(frame);
        if (headers.EthDst != Mac && !headers.EthDst.IsMulticast)
        {
            Ignored++;
            return [];
        }

        if (Silent)
        {
            return [];
        }

        if (headers.IsArp)
        {
            ReceivedArp.Add(headers);
            return OnArp(headers);
        }

        if (!headers.IsIpv4 || headers.Ipv4Dst != Ip)
        {
            return [];
        }

        ReceivedIp.Add(headers);
        if (headers.IpProto == EtherTypes.IcmpProtocol && frame[headers.TransportOffset] == 8)
        {
            return SendIp(headers.Ipv4Src, dstMac => FrameBuilder.BuildIcmpEcho(Mac, dstMac, Ip, headers.Ipv4Src, reply: true, 7, 1));
        }

        if (ServesTcp && headers.IpProto == EtherTypes.TcpProtocol && headers.HasPorts)
        {
            return SendTcp(headers.Ipv4Src, headers.TpDst, headers.TpSrc, flags: 0x12);
        }

        return [];
    }

    private List<byte[]> OnArp(FrameHeaders arp)
    {
        var output = new List<byte[]>();
        if (arp.ArpOperation == FrameBuilder.ArpRequest && arp.ArpTargetIp == Ip)
        {
            _arpCache[arp.ArpSenderIp] = arp.ArpSenderMac;
            output.Add(FrameBuilder.BuildArpReply(Mac, Ip, arp.ArpSenderMac, arp.ArpSenderIp));
        }
        else if (arp.ArpOperation == FrameBuilder.ArpReply && arp.ArpTargetIp == Ip)
        {
            _arpCache[arp.ArpSenderIp] = arp.ArpSenderMac;
        }

        foreach (var waiting in _pending.Where(p => _arpCache.ContainsKey(p.Ip)).ToList())
        {
            _pending.Remove(waiting);
            output.Add(waiting.Build(_arpCache[waiting.Ip]));
        }

        return output;
    }

    private IEnumerable<byte[]> SendIp(uint dstIp, Func<MacAddress, byte[]> build)
    {
        if (_arpCache.TryGetValue(dstIp, out var dstMac))
        {
            return [build(dstMac)];
        }

        _pending.Add((dstIp, build));
        return [FrameBuilder.BuildArpRequest(Mac, Ip, dstIp)];
    }

    /// <summary>Forgets every ARP entry, as after the cache times out.</summary>
    public void FlushArpCache() => _arpCache.Clear();
}
