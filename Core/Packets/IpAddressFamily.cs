namespace SdnDashboard.Core.Packets;

/// <summary>Which kind of address an <see cref="IpAddressValue"/> holds.</summary>
public enum IpAddressFamily : byte
{
    None = 0,
    IPv4 = 4,
    IPv6 = 6,
}
