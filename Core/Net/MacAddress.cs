using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace SdnDashboard.Core.Net;

/// <summary>A 48-bit Ethernet address held in a <see cref="ulong"/>; prints lower-case colon form.</summary>
public readonly record struct MacAddress(ulong Value) : ISpanParsable<MacAddress>, IComparable<MacAddress>
{
    public const int Size = 6;

    public static readonly MacAddress Broadcast = new(0xFFFF_FFFF_FFFFUL);

    public static readonly MacAddress Zero = new(0);

    public bool IsBroadcast => Value == Broadcast.Value;

    /// <summary>Group bit of the first octet: broadcast and multicast.</summary>
    public bool IsMulticast => (Value & 0x0100_0000_0000UL) != 0;

    /// <summary>Reads six bytes in network order.</summary>
    public static MacAddress Read(ReadOnlySpan<byte> source) =>
        new(((ulong)BinaryPrimitives.ReadUInt16BigEndian(source) << 32) | BinaryPrimitives.ReadUInt32BigEndian(source[2..]));

    /// <summary>Writes six bytes in network order.</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(Value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)Value);
    }

    public override string ToString() => string.Create(17, Value, static (span, v) =>
    {
        const string hex = "0123456789abcdef";
        for (var i = 0; i < 6; i++)
        {
            var b = (byte)(v >> (40 - (8 * i)));
            span[i * 3] = hex[b >> 4];
            span[(i * 3) + 1] = hex[b & 0xF];
            if (i < 5)
            {
                span[(i * 3) + 2] = ':';
            }
        }
    });

    public int CompareTo(MacAddress other) => Value.CompareTo(other.Value);

    public static MacAddress Parse(string s) => Parse(s.AsSpan(), null);

    public static MacAddress Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    public static MacAddress Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var mac) ? mac : throw new FormatException($"'{s}' is not a MAC address (want aa:bb:cc:dd:ee:ff).");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MacAddress result) =>
        TryParse(s.AsSpan(), provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out MacAddress result)
    {
        result = default;
        if (s.Length != 17)
        {
            return false;
        }

        ulong value = 0;
        for (var i = 0; i < 6; i++)
        {
            if (i > 0 && s[(i * 3) - 1] is not (':' or '-'))
            {
                return false;
            }

            var hi = HexValue(s[i * 3]);
            var lo = HexValue(s[(i * 3) + 1]);
            if (hi < 0 || lo < 0)
            {
                return false;
            }

            value = (value << 8) | (uint)((hi << 4) | lo);
        }

        result = new MacAddress(value);
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
