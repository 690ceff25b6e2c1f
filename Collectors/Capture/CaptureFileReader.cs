using System.Buffers.Binary;

namespace SdnDashboard.Collectors.Capture;

/// <summary>
/// Reads pcap (micro- or nanosecond, either byte order) and pcapng files (section, interface and enhanced
/// or simple packet blocks; other blocks skipped by length) frame by frame.
/// </summary>
public static class CaptureFileReader
{
    private const uint PcapMagicMicro = 0xA1B2C3D4;
    private const uint PcapMagicNano = 0xA1B23C4D;
    private const uint PcapngSectionHeader = 0x0A0D0D0A;
    private const uint PcapngByteOrderMagic = 0x1A2B3C4D;
    private const uint PcapngInterfaceDescription = 1;
    private const uint PcapngSimplePacket = 3;
    private const uint PcapngEnhancedPacket = 6;
    private const int MaxBlockLength = 256 * 1024 * 1024;

    /// <summary>Reads every frame of the file at <paramref name="path"/>.</summary>
    /// <exception cref="CaptureFormatException">The file is not a capture or is damaged.</exception>
    public static IEnumerable<CapturedFrame> ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads every frame of a capture held in memory.</summary>
    /// <exception cref="CaptureFormatException">The bytes are not a capture or are damaged.</exception>
    public static IEnumerable<CapturedFrame> Read(ReadOnlyMemory<byte> file)
    {
        if (file.Length < 4)
        {
            throw new CaptureFormatException("the file is too short to be a pcap or pcapng capture");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(file.Span);
        return magic == PcapngSectionHeader ? ReadPcapng(file) : ReadPcap(file);
    }

    private static IEnumerable<CapturedFrame> ReadPcap(ReadOnlyMemory<byte> file)
    {
        if (file.Length < 24)
        {
            throw new CaptureFormatException("the pcap file header is cut short");
        }

        var head = file.Span;
        var le = BinaryPrimitives.ReadUInt32LittleEndian(head);
        var be = BinaryPrimitives.ReadUInt32BigEndian(head);
        bool bigEndian;
        bool nano;
        if (le is PcapMagicMicro or PcapMagicNano)
        {
            bigEndian = false;
            nano = le == PcapMagicNano;
        }
        else if (be is PcapMagicMicro or PcapMagicNano)
        {
            bigEndian = true;
            nano = be == PcapMagicNano;
        }
        else
        {
            throw new CaptureFormatException($"unknown file magic 0x{be:x8}; not a pcap or pcapng capture");
        }

        var linkType = (int)(U32(head[20..], bigEndian) & 0x0FFF_FFFF);
        var offset = 24;
        var number = 0;
        while (offset < file.Length)
        {
            if (file.Length - offset < 16)
            {
                throw new CaptureFormatException($"pcap record header cut short at byte {offset}");
            }

            var rec = file.Span[offset..];
            var seconds = U32(rec, bigEndian);
            var fraction = U32(rec[4..], bigEndian);
            var included = U32(rec[8..], bigEndian);
            if (included > (uint)(file.Length - offset - 16))
            {
                throw new CaptureFormatException($"pcap record at byte {offset} claims {included} bytes past the end of the file");
            }

            var ticks = nano ? fraction / 100 : fraction * 10L;
            var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks);
            yield return new CapturedFrame(++number, linkType, time, file.Slice(offset + 16, (int)included));
            offset += 16 + (int)included;
        }
    }

    private static IEnumerable<CapturedFrame> ReadPcapng(ReadOnlyMemory<byte> file)
    {
        var interfaces = new List<(int LinkType, long UnitsPerSecond)>();
        var bigEndian = false;
        var offset = 0;
        var number = 0;
        while (offset < file.Length)
        {
            if (file.Length - offset < 12)
            {
                throw new CaptureFormatException($"pcapng block header cut short at byte {offset}");
            }

            var block = file.Span[offset..];
            var type = BinaryPrimitives.ReadUInt32LittleEndian(block);
            if (type == PcapngSectionHeader)
            {
                var bom = BinaryPrimitives.ReadUInt32LittleEndian(block[8..]);
                bigEndian = bom switch
                {
                    PcapngByteOrderMagic => false,
                    _ when BinaryPrimitives.ReadUInt32BigEndian(block[8..]) == PcapngByteOrderMagic => true,
                    _ => throw new CaptureFormatException($"pcapng section at byte {offset} has no byte-order magic"),
                };
                interfaces.Clear();
            }

            var length = U32(block[4..], bigEndian);
            if (length < 12 || length > MaxBlockLength || length > (uint)(file.Length - offset) || length % 4 != 0)
            {
                throw new CaptureFormatException($"pcapng block at byte {offset} has a bad length {length}");
            }

            var body = block[8..((int)length - 4)];
            type = U32(block, bigEndian);
            switch (type)
            {
                case PcapngInterfaceDescription:
                    if (body.Length < 8)
                    {
                        throw new CaptureFormatException($"pcapng interface block at byte {offset} is cut short");
                    }

                    interfaces.Add((U16(body, bigEndian), ReadTimestampResolution(body[8..], bigEndian)));
                    break;
                case PcapngEnhancedPacket:
                {
                    if (body.Length < 20)
                    {
                        throw new CaptureFormatException($"pcapng packet block at byte {offset} is cut short");
                    }

                    var ifId = (int)U32(body, bigEndian);
                    if (ifId >= interfaces.Count)
                    {
                        throw new CaptureFormatException($"pcapng packet block at byte {offset} names unknown interface {ifId}");
                    }

                    var units = ((ulong)U32(body[4..], bigEndian) << 32) | U32(body[8..], bigEndian);
                    var captured = U32(body[12..], bigEndian);
                    if (captured > (uint)(body.Length - 20))
                    {
                        throw new CaptureFormatException($"pcapng packet block at byte {offset} claims more bytes than it holds");
                    }

                    var perSecond = interfaces[ifId].UnitsPerSecond;
                    var time = DateTimeOffset.UnixEpoch.AddTicks((long)(units / (ulong)perSecond) * TimeSpan.TicksPerSecond
                        + (long)(units % (ulong)perSecond * TimeSpan.TicksPerSecond / (ulong)perSecond));
                    yield return new CapturedFrame(
                        ++number, interfaces[ifId].LinkType, time, file.Slice(offset + 8 + 20, (int)captured));
                    break;
                }

                case PcapngSimplePacket:
                {
                    if (interfaces.Count == 0 || body.Length < 4)
                    {
                        throw new CaptureFormatException($"pcapng simple packet block at byte {offset} has no interface");
                    }

                    var captured = Math.Min(U32(body, bigEndian), (uint)(body.Length - 4));
                    yield return new CapturedFrame(
                        ++number, interfaces[0].LinkType, DateTimeOffset.UnixEpoch, file.Slice(offset + 12, (int)captured));
                    break;
                }

                default:
                    break;
            }

            offset += (int)length;
        }
    }

    /// <summary>The if_tsresol option (code 9) of an interface block; microseconds when absent.</summary>
    private static long ReadTimestampResolution(ReadOnlySpan<byte> options, bool bigEndian)
    {
        while (options.Length >= 4)
        {
            var code = U16(options, bigEndian);
            var length = U16(options[2..], bigEndian);
            if (code == 0 || options.Length < 4 + length)
            {
                break;
            }

            if (code == 9 && length >= 1)
            {
                var v = options[4];
                var exponent = v & 0x7F;
                if (exponent > 18)
                {
                    break;
                }

                return (v & 0x80) != 0 ? 1L << Math.Min(exponent, 62) : (long)Math.Pow(10, exponent);
            }

            options = options[Math.Min(options.Length, 4 + ((length + 3) & ~3))..];
        }

        return 1_000_000;
    }

    private static uint U32(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);

    private static ushort U16(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
}
