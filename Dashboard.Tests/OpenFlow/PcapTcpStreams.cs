using System.Buffers.Binary;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>
/// Reads a classic pcap of one TCP connection over Ethernet/IPv4 (as tshark -F pcap writes on lo) and
/// reassembles each direction's byte stream by sequence number, keyed by the TCP source port.
/// </summary>
internal static class PcapTcpStreams
{
    public static Dictionary<int, byte[]> Read(string path)
    {
        var file = File.ReadAllBytes(path);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        if (magic is not (0xa1b2c3d4 or 0xa1b23c4d))
        {
            throw new InvalidDataException($"{path} is not a little-endian classic pcap (magic 0x{magic:x8})");
        }

        var linkType = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(20));
        Assert.Equal(1u, linkType);
        var streams = new Dictionary<int, (MemoryStream Data, uint NextSeq, bool Started)>();
        var p = 24;
        while (p + 16 <= file.Length)
        {
            var captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(p + 8));
            var packet = file.AsSpan(p + 16, captured);
            p += 16 + captured;
            if (packet.Length < 14 + 20 || BinaryPrimitives.ReadUInt16BigEndian(packet[12..]) != 0x0800)
            {
                continue;
            }

            var ip = packet[14..];
            var ihl = (ip[0] & 0xF) * 4;
            var totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
            if (ip[9] != 6)
            {
                continue;
            }

            var tcp = ip[ihl..totalLength];
            var srcPort = BinaryPrimitives.ReadUInt16BigEndian(tcp);
            var seq = BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]);
            var flags = tcp[13];
            var payload = tcp[((tcp[12] >> 4) * 4)..];
            streams.TryGetValue(srcPort, out var stream);
            stream.Data ??= new MemoryStream();
            if ((flags & 0x02) != 0)
            {
                streams[srcPort] = (stream.Data, seq + 1, true);
                continue;
            }

            if (payload.Length == 0 || !stream.Started)
            {
                continue;
            }

            // Skip what was already taken (a retransmission), keep the rest.
            var skip = (int)(stream.NextSeq - seq);
            if (skip < 0)
            {
                throw new InvalidDataException($"gap in the TCP stream from port {srcPort} at seq {seq}");
            }

            if (skip < payload.Length)
            {
                stream.Data.Write(payload[skip..]);
                stream.NextSeq = seq + (uint)payload.Length;
            }

            streams[srcPort] = stream;
        }

        return streams.ToDictionary(kv => kv.Key, kv => kv.Value.Data.ToArray());
    }
}
