using System.Buffers.Binary;

namespace SdnDashboard.Core.Control.Frames;

/// <summary>
/// Applies set-field actions to a copy of a frame the way a switch does, recomputing the IPv4 and TCP/UDP
/// checksums when an address changes. Used by simulated switches and the fake flow table.
/// </summary>
public static class FrameRewriter
{
    /// <summary>Returns a rewritten copy, or the same array when no action changes a header.</summary>
    public static byte[] Apply(byte[] frame, IEnumerable<FlowAction> actions)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(actions);
        var result = frame;
        FrameHeaders? headers = null;
        foreach (var action in actions)
        {
            if (action is OutputAction)
            {
                continue;
            }

            if (ReferenceEquals(result, frame))
            {
                result = (byte[])frame.Clone();
            }

            headers ??= FrameReader.Read(result);
            switch (action)
            {
                case SetEthSrcAction a:
                    a.Mac.Write(result.AsSpan(6));
                    break;
                case SetEthDstAction a:
                    a.Mac.Write(result);
                    break;
                case SetIpv4SrcAction a when headers.Value.IsIpv4:
                    BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(headers.Value.NetworkOffset + 12), Ipv4.ToUInt32(a.Address));
                    UpdateChecksums(result, headers.Value.NetworkOffset);
                    break;
                case SetIpv4DstAction a when headers.Value.IsIpv4:
                    BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(headers.Value.NetworkOffset + 16), Ipv4.ToUInt32(a.Address));
                    UpdateChecksums(result, headers.Value.NetworkOffset);
                    break;
                default:
                    break;
            }
        }

        return result;
    }

    /// <summary>Recomputes the IPv4 header checksum and, for a complete TCP/UDP segment, its checksum.</summary>
    public static void UpdateChecksums(Span<byte> frame, int networkOffset)
    {
        var ip = frame[networkOffset..];
        var headerLength = (ip[0] & 0x0F) * 4;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Compute(ip[..headerLength]));
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var protocol = ip[9];
        var checksumOffset = protocol switch
        {
            EtherTypes.TcpProtocol => 16,
            EtherTypes.UdpProtocol => 6,
            _ => -1,
        };
        if (checksumOffset < 0 || totalLength > ip.Length || totalLength - headerLength < checksumOffset + 2)
        {
            return;
        }

        var segment = ip[headerLength..totalLength];
        BinaryPrimitives.WriteUInt16BigEndian(segment[checksumOffset..], 0);
        Span<byte> pseudo = stackalloc byte[12];
        ip[12..20].CopyTo(pseudo);
        pseudo[9] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo[10..], (ushort)segment.Length);
        var checksum = InternetChecksum.Finish(InternetChecksum.Add(InternetChecksum.Add(0, pseudo), segment));
        BinaryPrimitives.WriteUInt16BigEndian(segment[checksumOffset..], checksum == 0 && protocol == EtherTypes.UdpProtocol ? (ushort)0xFFFF : checksum);
    }
}
