using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using SdnDashboard.Core.Packets;

namespace SdnDashboard.Core.Sflow;

/// <summary>
/// A bounds-checked XDR reader over one region of a datagram. Every read checks the remaining length
/// first and throws <see cref="SflowFormatException"/> with the absolute offset; nothing is read past
/// the region, so a record can never read into its neighbour.
/// </summary>
public ref struct SflowReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _baseOffset;
    private int _position;

    /// <param name="buffer">The region to read.</param>
    /// <param name="baseOffset">The region's offset in the datagram, for error messages.</param>
    public SflowReader(ReadOnlySpan<byte> buffer, int baseOffset = 0)
    {
        _buffer = buffer;
        _baseOffset = baseOffset;
        _position = 0;
    }

    /// <summary>Offset of the next byte from the start of the datagram.</summary>
    public readonly int Offset => _baseOffset + _position;

    public readonly int Remaining => _buffer.Length - _position;

    public uint ReadUInt32()
    {
        if (_buffer.Length - _position < 4)
        {
            ThrowTruncated(4);
        }

        var v = BinaryPrimitives.ReadUInt32BigEndian(_buffer[_position..]);
        _position += 4;
        return v;
    }

    public int ReadInt32() => unchecked((int)ReadUInt32());

    public ulong ReadUInt64()
    {
        if (_buffer.Length - _position < 8)
        {
            ThrowTruncated(8);
        }

        var v = BinaryPrimitives.ReadUInt64BigEndian(_buffer[_position..]);
        _position += 8;
        return v;
    }

    public float ReadSingle() => BitConverter.Int32BitsToSingle(ReadInt32());

    /// <summary>Reads XDR fixed-length opaque data of <paramref name="length"/> bytes and its padding.</summary>
    public ReadOnlySpan<byte> ReadFixedOpaque(int length)
    {
        var padded = (length + 3) & ~3;
        if (length < 0 || _buffer.Length - _position < padded)
        {
            ThrowTruncated(padded);
        }

        var v = _buffer.Slice(_position, length);
        _position += padded;
        return v;
    }

    /// <summary>Reads XDR variable-length opaque data: a length word, the bytes, padding.</summary>
    public ReadOnlySpan<byte> ReadVariableOpaque()
    {
        var start = Offset;
        var length = ReadUInt32();
        if (length > (uint)Remaining)
        {
            ThrowAt(start, $"opaque length {length} overruns the {Remaining} bytes left");
        }

        return ReadFixedOpaque((int)length);
    }

    /// <summary>Reads an XDR string (ASCII/UTF-8 in practice).</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadVariableOpaque());

    /// <summary>Reads an sFlow <c>address</c>: a type word (0 unknown, 1 IPv4, 2 IPv6) then the bytes.</summary>
    public IpAddressValue ReadAddress()
    {
        var start = Offset;
        switch (ReadUInt32())
        {
            case 0:
                return default;
            case 1:
                return IpAddressValue.ReadIPv4(ReadFixedOpaque(4));
            case 2:
                return IpAddressValue.ReadIPv6(ReadFixedOpaque(16));
            default:
                ThrowAt(start, "address type is not 0, 1 (IPv4) or 2 (IPv6)");
                return default;
        }
    }

    /// <summary>Reads an element count and rejects one that could not fit in what is left.</summary>
    public uint ReadCount(int minElementSize)
    {
        var start = Offset;
        var count = ReadUInt32();
        if ((ulong)count * (ulong)minElementSize > (ulong)Remaining)
        {
            ThrowAt(start, $"count {count} cannot fit in the {Remaining} bytes left");
        }

        return count;
    }

    /// <summary>Reads a <c>data_format</c> and a length, and returns a reader bounded to that length.</summary>
    public SflowReader ReadTagged(out SflowDataFormat format)
    {
        format = new SflowDataFormat(ReadUInt32());
        var start = Offset;
        var length = ReadUInt32();
        if (length > (uint)Remaining)
        {
            ThrowAt(start, $"length {length} of {format} overruns the {Remaining} bytes left");
        }

        var sub = new SflowReader(_buffer.Slice(_position, (int)length), Offset);
        _position += (int)length;
        return sub;
    }

    /// <summary>The unread rest of the region.</summary>
    public readonly ReadOnlySpan<byte> RemainingSpan => _buffer[_position..];

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowAt(int offset, string reason) => throw new SflowFormatException(offset, reason);

    [DoesNotReturn]
    private readonly void ThrowTruncated(int wanted) =>
        ThrowAt(Offset, $"wanted {wanted} bytes, {Remaining} left");
}
