namespace SdnDashboard.Core.Packets;

/// <summary>EtherType values the header parser understands (IEEE 802 numbers).</summary>
public static class EtherTypes
{
    public const ushort IPv4 = 0x0800;
    public const ushort Arp = 0x0806;
    public const ushort Vlan = 0x8100;
    public const ushort QinQ = 0x88A8;
    public const ushort IPv6 = 0x86DD;
}
