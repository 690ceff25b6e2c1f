using System.Buffers.Binary;
using System.Text;
using SdnDashboard.Core.Packets;

namespace SdnDashboard.Core.Sflow;

/// <summary>A growable XDR writer for encoding datagrams; reuse one with <see cref="Reset"/>.</summary>
public sealed class SflowWriter
{
    private byte[] _buffer;
    private int _position;

    public SflowWriter(int initialCapacity = 1500) => _buffer = new byte[Math.Max(64, initialCapacity)];

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    public int Length => _position;

    public void Reset() => _position = 0;

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Grab(4), value);

    public void WriteInt32(int value) => WriteUInt32(unchecked((uint)value));

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64BigEndian(Grab(8), value);

    public void WriteSingle(float value) => WriteInt32(BitConverter.SingleToInt32Bits(value));

    /// <summary>Writes fixed-length opaque data padded with zeros to a multiple of four.</summary>
    public void WriteFixedOpaque(ReadOnlySpan<byte> data)
    {
        var padded = (data.Length + 3) & ~3;
        var span = Grab(padded);
        data.CopyTo(span);
        span[data.Length..].Clear();
    }

    public void WriteVariableOpaque(ReadOnlySpan<byte> data)
    {
        WriteUInt32((uint)data.Length);
        WriteFixedOpaque(data);
    }

    public void WriteString(string value) => WriteVariableOpaque(Encoding.UTF8.GetBytes(value));

    /// <summary>Writes an sFlow <c>address</c> (type word then 0, 4 or 16 bytes).</summary>
    public void WriteAddress(IpAddressValue address)
    {
        WriteUInt32(address.Family switch { IpAddressFamily.IPv4 => 1u, IpAddressFamily.IPv6 => 2u, _ => 0u });
        Span<byte> bytes = stackalloc byte[IpAddressValue.IPv6Size];
        var n = address.Write(bytes);
        WriteFixedOpaque(bytes[..n]);
    }

    /// <summary>Writes a format and a placeholder length; pass the result to <see cref="EndTagged"/>.</summary>
    public int BeginTagged(SflowDataFormat format)
    {
        WriteUInt32(format.Value);
        var at = _position;
        WriteUInt32(0);
        return at;
    }

    /// <summary>Patches the length written by <see cref="BeginTagged"/> to what was written since.</summary>
    public void EndTagged(int lengthPosition) =>
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(lengthPosition), (uint)(_position - lengthPosition - 4));

    /// <summary>Overwrites a word already written (e.g. a count known only at the end).</summary>
    public void PatchUInt32(int position, uint value) => BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(position), value);

    private Span<byte> Grab(int count)
    {
        if (_buffer.Length - _position < count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _position + count));
        }

        var span = _buffer.AsSpan(_position, count);
        _position += count;
        return span;
    }
}
