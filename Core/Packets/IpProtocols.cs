namespace SdnDashboard.Core.Packets;

/// <summary>IP protocol numbers (IANA) the header parser understands.</summary>
public static class IpProtocols
{
    public const byte Icmp = 1;
    public const byte Tcp = 6;
    public const byte Udp = 17;
    public const byte Icmpv6 = 58;
    public const byte IPv6HopByHop = 0;
    public const byte IPv6Routing = 43;
    public const byte IPv6Fragment = 44;
    public const byte IPv6DestinationOptions = 60;
}
