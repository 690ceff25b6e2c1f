using System.Buffers;
using System.Buffers.Binary;

namespace SdnDashboard.Core.OpenFlow;

/// <summary>Cuts a TCP byte stream into OpenFlow messages by the header's length field.</summary>
public static class OpenFlowFraming
{
    /// <summary>Largest message the 16-bit length field allows.</summary>
    public const int MaxMessageSize = ushort.MaxValue;

    /// <summary>
    /// Takes one whole message off the front of <paramref name="buffer"/> when it has arrived. Returns
    /// <c>false</c> (nothing consumed) while it is incomplete. Throws <see cref="OpenFlowException"/> when the
    /// header cannot be an OpenFlow header: the wrong version once negotiated (<paramref name="expectedVersion"/>
    /// non-zero), a version this stack has never heard of, or a length below the header size.
    /// </summary>
    public static bool TryReadFrame(in ReadOnlySequence<byte> buffer, byte expectedVersion, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < OfHeader.Size)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[OfHeader.Size];
        if (buffer.FirstSpan.Length >= OfHeader.Size)
        {
            buffer.FirstSpan[..OfHeader.Size].CopyTo(header);
        }
        else
        {
            buffer.Slice(0, OfHeader.Size).CopyTo(header);
        }

        var version = header[0];
        if (expectedVersion != 0 ? version != expectedVersion : version is 0 or > 0x06)
        {
            throw new OpenFlowException($"byte 0x{version:x2} is not the OpenFlow version of this connection", 0);
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        if (length < OfHeader.Size)
        {
            throw new OpenFlowException($"message length {length} is shorter than the header", 2);
        }

        if (buffer.Length < length)
        {
            return false;
        }

        frame = buffer.Slice(0, length);
        return true;
    }
}
