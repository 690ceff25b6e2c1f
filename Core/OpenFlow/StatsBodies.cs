using SdnDashboard.Core.OpenFlow.Messages;
using static SdnDashboard.Core.OpenFlow.WireSpan;

namespace SdnDashboard.Core.OpenFlow;

/// <summary>
/// The statistics bodies OpenFlow 1.0 and 1.3 lay out alike (ofp_desc, ofp_aggregate_stats_reply, the twelve
/// port counters), read and written once for both codecs so a fix to one reaches the other.
/// </summary>
internal static class StatsBodies
{
    public const int PortCounterCount = 12;

    /// <summary>Reads a 1056-byte <c>ofp_desc</c> body (the caller has checked its length).</summary>
    public static DescStatsReply ReadDesc(ReadOnlySpan<byte> b, uint xid, ushort flags) => new()
    {
        Xid = xid, Flags = flags, Manufacturer = ReadString(b[..256]), Hardware = ReadString(b.Slice(256, 256)),
        Software = ReadString(b.Slice(512, 256)), SerialNumber = ReadString(b.Slice(768, 32)), Datapath = ReadString(b.Slice(800, 256)),
    };

    /// <summary>Writes an <c>ofp_desc</c> body; returns its length.</summary>
    public static int WriteDesc(DescStatsReply r, Span<byte> b)
    {
        WriteString(b[..256], r.Manufacturer);
        WriteString(b.Slice(256, 256), r.Hardware);
        WriteString(b.Slice(512, 256), r.Software);
        WriteString(b.Slice(768, 32), r.SerialNumber);
        WriteString(b.Slice(800, 256), r.Datapath);
        return DescStatsReply.BodySize;
    }

    /// <summary>Reads a 24-byte <c>ofp_aggregate_stats_reply</c> body (the caller has checked its length).</summary>
    public static AggregateStatsReply ReadAggregate(ReadOnlySpan<byte> b, uint xid, ushort flags) =>
        new() { Xid = xid, Flags = flags, PacketCount = U64(b, 0), ByteCount = U64(b, 8), FlowCount = U32(b, 16) };

    /// <summary>Writes an <c>ofp_aggregate_stats_reply</c> body; returns its length.</summary>
    public static int WriteAggregate(AggregateStatsReply r, Span<byte> b)
    {
        WriteU64(b, 0, r.PacketCount);
        WriteU64(b, 8, r.ByteCount);
        WriteU32(b, 16, r.FlowCount);
        b.Slice(20, 4).Clear();
        return 24;
    }

    /// <summary>
    /// Checks that a body of fixed-size entries (table stats, port stats, port descriptions) holds whole entries
    /// only; a cut entry is malformed input, reported at its first byte, not silently dropped.
    /// </summary>
    public static void WholeEntries(int bodyLength, int entrySize, int bodyOffset, string what)
    {
        var partial = bodyLength % entrySize;
        if (partial != 0)
        {
            throw new OpenFlowException($"{what} body ends with {partial} bytes of a {entrySize}-byte entry", bodyOffset + bodyLength - partial);
        }
    }

    /// <summary>Reads the twelve 64-bit counters (rx_packets ... collisions) that start at <paramref name="offset"/>.</summary>
    public static ulong[] ReadPortCounters(ReadOnlySpan<byte> b, int offset)
    {
        var counters = new ulong[PortCounterCount];
        for (var i = 0; i < PortCounterCount; i++)
        {
            counters[i] = U64(b, offset + (8 * i));
        }

        return counters;
    }

    /// <summary>Writes the twelve port counters at <paramref name="offset"/>; a shorter list is padded with zeros.</summary>
    public static void WritePortCounters(IReadOnlyList<ulong> counters, Span<byte> b, int offset)
    {
        for (var i = 0; i < PortCounterCount; i++)
        {
            WriteU64(b, offset + (8 * i), i < counters.Count ? counters[i] : 0);
        }
    }
}
