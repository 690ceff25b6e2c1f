using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Dashboard.Demo;

/// <summary>
/// A simulated host on one port of the <see cref="DemoSwitch"/>. A VM answers ARP for its address and answers
/// any TCP segment to port 80 with a SYN-ACK; a client, while present, resolves the service's virtual IP by ARP
/// and then opens a connection to it every few seconds. Not thread-safe: the switch serialises access.
/// </summary>
public sealed class DemoHost
{
    private const byte Syn = 0x02;
    private const byte SynAck = 0x12;
    private static readonly TimeSpan ArpRetry = TimeSpan.FromSeconds(2);

    private ushort _nextSourcePort = 40000;
    private DateTimeOffset _nextSendAt;

    private DemoHost(string name, MacAddress mac, uint ip, uint port, bool isClient)
    {
        Name = name;
        Mac = mac;
        Ip = ip;
        Port = port;
        IsClient = isClient;
        IsPresent = !isClient;
    }

    public string Name { get; }

    public MacAddress Mac { get; }

    /// <summary>IPv4 address, host order (see <see cref="Ipv4"/>).</summary>
    public uint Ip { get; }

    /// <summary>The switch port the host is plugged into.</summary>
    public uint Port { get; }

    public bool IsClient { get; }

    /// <summary>A VM is always present; a client only between its arrival and departure.</summary>
    public bool IsPresent { get; private set; }

    /// <summary>For a client: the service it connects to.</summary>
    public uint ServiceIp { get; private init; }

    public ushort ServicePort { get; private init; }

    /// <summary>How often a client opens a connection.</summary>
    public TimeSpan ConnectInterval { get; private init; }

    /// <summary>The service's MAC once its ARP reply arrived (client only).</summary>
    public MacAddress? ServiceMac { get; private set; }

    /// <summary>When a present client leaves.</summary>
    public DateTimeOffset LeavesAt { get; private set; }

    public long SynsSent { get; private set; }

    /// <summary>SYN-ACKs a client got back from the service, or SYNs a VM answered.</summary>
    public long Answered { get; private set; }

    public static DemoHost Vm(string name, MacAddress mac, uint ip, uint port) => new(name, mac, ip, port, isClient: false);

    public static DemoHost Client(string name, MacAddress mac, uint ip, uint port, uint serviceIp, ushort servicePort, TimeSpan connectInterval) =>
        new(name, mac, ip, port, isClient: true) { ServiceIp = serviceIp, ServicePort = servicePort, ConnectInterval = connectInterval };

    /// <summary>A client arrives: it will ARP for the service at once.</summary>
    public void Arrive(DateTimeOffset now, DateTimeOffset leavesAt)
    {
        IsPresent = true;
        ServiceMac = null;
        LeavesAt = leavesAt;
        _nextSendAt = now;
    }

    public void Leave() => IsPresent = false;

    /// <summary>Frames the host sends of its own accord now (a client's ARP or SYN when due).</summary>
    public byte[]? Tick(DateTimeOffset now)
    {
        if (!IsClient || !IsPresent || now < _nextSendAt)
        {
            return null;
        }

        if (ServiceMac is not { } serviceMac)
        {
            _nextSendAt = now + ArpRetry;
            return FrameBuilder.BuildArpRequest(Mac, Ip, ServiceIp);
        }

        _nextSendAt = now + ConnectInterval;
        SynsSent++;
        _nextSourcePort = _nextSourcePort >= 60000 ? (ushort)40000 : (ushort)(_nextSourcePort + 1);
        return FrameBuilder.BuildTcp(Mac, serviceMac, Ip, ServiceIp, _nextSourcePort, ServicePort, Syn);
    }

    /// <summary>Takes a frame off the wire; returns the host's answer, if any.</summary>
    public byte[]? Receive(ReadOnlySpan<byte> data, DateTimeOffset now)
    {
        if (!IsPresent || !FrameReader.TryRead(data, out var frame))
        {
            return null;
        }

        if (frame.EthDst != Mac && !frame.EthDst.IsBroadcast)
        {
            return null;
        }

        if (frame.IsArp)
        {
            if (frame.ArpOperation == FrameBuilder.ArpRequest && frame.ArpTargetIp == Ip)
            {
                return FrameBuilder.BuildArpReply(Mac, Ip, frame.ArpSenderMac, frame.ArpSenderIp);
            }

            if (IsClient && frame.ArpOperation == FrameBuilder.ArpReply && frame.ArpSenderIp == ServiceIp && ServiceMac is null)
            {
                ServiceMac = frame.ArpSenderMac;
                _nextSendAt = now;
            }

            return null;
        }

        if (!frame.IsIpv4 || frame.Ipv4Dst != Ip || frame.IpProto != EtherTypes.TcpProtocol || !frame.HasPorts)
        {
            return null;
        }

        var flags = data[frame.TransportOffset + 13];
        if (IsClient)
        {
            if (frame.Ipv4Src == ServiceIp && frame.TpSrc == ServicePort && flags == SynAck)
            {
                Answered++;
            }

            return null;
        }

        if (frame.TpDst != 80 || (flags & Syn) == 0)
        {
            return null;
        }

        Answered++;
        return FrameBuilder.BuildTcp(Mac, frame.EthSrc, Ip, frame.Ipv4Src, frame.TpDst, frame.TpSrc, SynAck);
    }
}
