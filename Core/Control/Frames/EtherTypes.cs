namespace SdnDashboard.Core.Control.Frames;

/// <summary>The EtherType and IP protocol numbers the controller apps look at.</summary>
public static class EtherTypes
{
    public const ushort Ipv4 = 0x0800;
    public const ushort Arp = 0x0806;
    public const ushort Vlan = 0x8100;
    public const ushort Lldp = 0x88CC;
    public const ushort Ipv6 = 0x86DD;

    public const byte IcmpProtocol = 1;
    public const byte TcpProtocol = 6;
    public const byte UdpProtocol = 17;
}
