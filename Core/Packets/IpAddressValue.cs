using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SdnDashboard.Core.Packets;

/// <summary>
/// An IPv4 or IPv6 address held by value (no allocation), so that decoders on hot paths can return
/// addresses and aggregators can use them in dictionary keys. <c>default</c> means "no address".
/// </summary>
/// <param name="Value">The address bits: IPv4 in the low 32 bits, IPv6 as a 128-bit big-endian number.</param>
/// <param name="Family">None, IPv4 or IPv6.</param>
public readonly record struct IpAddressValue(UInt128 Value, IpAddressFamily Family)
{
    public const int IPv4Size = 4;
    public const int IPv6Size = 16;

    public bool IsNone => Family == IpAddressFamily.None;

    public bool IsIPv6 => Family == IpAddressFamily.IPv6;

    /// <summary>The address length on the wire: 0, 4 or 16.</summary>
    public int Size => Family switch { IpAddressFamily.IPv4 => IPv4Size, IpAddressFamily.IPv6 => IPv6Size, _ => 0 };

    public static IpAddressValue FromIPv4(uint address) => new(address, IpAddressFamily.IPv4);

    /// <summary>Reads four bytes in network order.</summary>
    public static IpAddressValue ReadIPv4(ReadOnlySpan<byte> source) => FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(source));

    /// <summary>Reads sixteen bytes in network order.</summary>
    public static IpAddressValue ReadIPv6(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt128BigEndian(source), IpAddressFamily.IPv6);

    public static IpAddressValue FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[IPv6Size];
        address.TryWriteBytes(bytes, out var written);
        return written == IPv4Size ? ReadIPv4(bytes) : ReadIPv6(bytes);
    }

    public static IpAddressValue Parse(string text) => FromIPAddress(IPAddress.Parse(text));

    /// <summary>Writes the address bytes (4 or 16) in network order; returns the count written.</summary>
    public int Write(Span<byte> destination)
    {
        switch (Family)
        {
            case IpAddressFamily.IPv4:
                BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)Value);
                return IPv4Size;
            case IpAddressFamily.IPv6:
                BinaryPrimitives.WriteUInt128BigEndian(destination, Value);
                return IPv6Size;
            default:
                return 0;
        }
    }

    /// <summary>The BCL form; allocates, so keep it off hot paths.</summary>
    public IPAddress? ToIPAddress()
    {
        if (IsNone)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[IPv6Size];
        var n = Write(bytes);
        return new IPAddress(bytes[..n]);
    }

    public AddressFamily AddressFamily => IsIPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;

    public override string ToString() => ToIPAddress()?.ToString() ?? string.Empty;
}
