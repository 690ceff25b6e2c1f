using System.Buffers.Binary;
using System.Text;

namespace SdnDashboard.Core.OpenFlow;

/// <summary>Length checks and fixed-width string fields shared by the version codecs.</summary>
internal static class WireSpan
{
    /// <summary>Throws <see cref="OpenFlowException"/> unless <paramref name="have"/> covers <paramref name="need"/> bytes.</summary>
    public static void Need(int have, int need, int offset, string what)
    {
        if (have < need)
        {
            throw new OpenFlowException($"{what} needs {need} bytes, {have} left", offset);
        }
    }

    /// <summary>Rounds up to the 8-byte alignment OpenFlow pads matches, actions and instructions to.</summary>
    public static int Pad8(int length) => (length + 7) & ~7;

    /// <summary>A NUL-terminated fixed-width ASCII field.</summary>
    public static string ReadString(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? field : field[..end]);
    }

    /// <summary>Writes ASCII, zero-filling the rest; always leaves a terminating NUL.</summary>
    public static void WriteString(Span<byte> field, string value)
    {
        field.Clear();
        var count = Math.Min(value.Length, field.Length - 1);
        Encoding.ASCII.GetBytes(value.AsSpan(0, count), field);
    }

    public static void WriteU16(Span<byte> s, int offset, int value) =>
        BinaryPrimitives.WriteUInt16BigEndian(s[offset..], (ushort)value);

    public static void WriteU32(Span<byte> s, int offset, uint value) => BinaryPrimitives.WriteUInt32BigEndian(s[offset..], value);

    public static void WriteU64(Span<byte> s, int offset, ulong value) => BinaryPrimitives.WriteUInt64BigEndian(s[offset..], value);

    public static ushort U16(ReadOnlySpan<byte> s, int offset) => BinaryPrimitives.ReadUInt16BigEndian(s[offset..]);

    public static uint U32(ReadOnlySpan<byte> s, int offset) => BinaryPrimitives.ReadUInt32BigEndian(s[offset..]);

    public static ulong U64(ReadOnlySpan<byte> s, int offset) => BinaryPrimitives.ReadUInt64BigEndian(s[offset..]);
}
