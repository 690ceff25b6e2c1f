using System.Buffers.Binary;

namespace SdnDashboard.Core.OpenFlow;

/// <summary><c>ofp_header</c>, common to every version: version, type, length (whole message), xid.</summary>
public readonly record struct OfHeader(byte Version, byte Type, ushort Length, uint Xid)
{
    /// <summary>sizeof(struct ofp_header).</summary>
    public const int Size = 8;

    public static OfHeader Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
        {
            throw new OpenFlowException($"OpenFlow header needs {Size} bytes, have {source.Length}", 0);
        }

        return new OfHeader(source[0], source[1], BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[4..]));
    }

    public void Write(Span<byte> destination)
    {
        destination[0] = Version;
        destination[1] = Type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Xid);
    }
}
