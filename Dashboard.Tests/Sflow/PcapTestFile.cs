using System.Buffers.Binary;

namespace SdnDashboard.Tests.Sflow;

/// <summary>Writes small pcap files of UDP datagrams over Ethernet/IPv4 for command-line tests.</summary>
internal static class PcapTestFile
{
    public static void WriteUdp(string path, IEnumerable<byte[]> payloads)
    {
        using var file = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        file.Write(header);
        Span<byte> record = stackalloc byte[16];
        foreach (var payload in payloads)
        {
            var frame = new byte[14 + 20 + 8 + payload.Length];
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
            frame[14] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)(20 + 8 + payload.Length));
            frame[22] = 64;
            frame[23] = 17;
            frame.AsSpan(26, 4).Fill(127);
            frame.AsSpan(30, 4).Fill(127);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(34), 40000);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(36), 6343);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(38), (ushort)(8 + payload.Length));
            payload.CopyTo(frame.AsSpan(42));
            record.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
        }
    }
}
