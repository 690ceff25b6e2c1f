using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SdnDashboard.Core.Control.Frames;

/// <summary>
/// IPv4 addresses as a <see cref="uint"/> in host order (10.0.0.1 = 0x0A000001): the frame reader and the
/// balancer's tables use this form so that the hot path does not allocate <see cref="IPAddress"/> objects.
/// </summary>
public static class Ipv4
{
    public static uint ToUInt32(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"'{address}' is not an IPv4 address.", nameof(address));
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static IPAddress ToAddress(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    /// <summary>Parses dotted-quad text only (no host names, no short forms such as "10.1").</summary>
    public static bool TryParse(string? text, out uint value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Count(c => c == '.') != 3
            || !IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        value = ToUInt32(address);
        return true;
    }

    public static string Format(uint value) => ToAddress(value).ToString();
}
