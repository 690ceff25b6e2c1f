namespace SdnDashboard.Core.Packets;

/// <summary>The layers the header parser found complete in the bytes it was given.</summary>
[Flags]
public enum PacketLayers
{
    None = 0,
    Ethernet = 1 << 0,
    Vlan = 1 << 1,
    Arp = 1 << 2,
    IPv4 = 1 << 3,
    IPv6 = 1 << 4,
    Tcp = 1 << 5,
    Udp = 1 << 6,
    Icmp = 1 << 7,

    /// <summary>A layer was announced (EtherType, protocol) but its header was cut short.</summary>
    Truncated = 1 << 30,
}
