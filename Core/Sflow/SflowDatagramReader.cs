namespace SdnDashboard.Core.Sflow;

/// <summary>
/// Walks an sFlow v5 datagram and hands each part to a visitor without allocating. The whole framing
/// (version, address, counts, every sample and record length) is checked first, so a malformed datagram
/// raises <see cref="SflowFormatException"/> before the visitor sees any of it: a listener never counts
/// half a datagram.
/// </summary>
public static class SflowDatagramReader
{
    public const uint Version5 = 5;

    /// <summary>The smallest possible tagged item: a format word and a length word.</summary>
    private const int TaggedMinSize = 8;

    /// <summary>Validates the framing, then visits every sample and record in wire order.</summary>
    /// <exception cref="SflowFormatException">The datagram is malformed; nothing was visited.</exception>
    public static void Read<TVisitor>(ReadOnlySpan<byte> datagram, ref TVisitor visitor)
        where TVisitor : ISflowVisitor, allows ref struct
    {
        var check = default(FramingCheck);
        Walk(datagram, ref check);
        Walk(datagram, ref visitor);
    }

    /// <summary>Checks the framing only (what <see cref="Read{TVisitor}"/> does before visiting).</summary>
    public static void Validate(ReadOnlySpan<byte> datagram)
    {
        var check = default(FramingCheck);
        Walk(datagram, ref check);
    }

    private static void Walk<TVisitor>(ReadOnlySpan<byte> datagram, ref TVisitor visitor)
        where TVisitor : ISflowVisitor, allows ref struct
    {
        var r = new SflowReader(datagram);
        var version = r.ReadUInt32();
        if (version != Version5)
        {
            SflowReader.ThrowAt(0, $"version {version}, only 5 is supported");
        }

        var agent = r.ReadAddress();
        var subAgent = r.ReadUInt32();
        var sequence = r.ReadUInt32();
        var uptime = r.ReadUInt32();
        var count = r.ReadCount(TaggedMinSize);
        visitor.OnDatagram(new SflowDatagramHeader(version, agent, subAgent, sequence, uptime, count));
        for (var i = 0u; i < count; i++)
        {
            var sample = r.ReadTagged(out var format);
            if (format == SflowDataFormat.FlowSample || format == SflowDataFormat.ExpandedFlowSample)
            {
                WalkFlowSample(ref sample, format == SflowDataFormat.ExpandedFlowSample, ref visitor);
            }
            else if (format == SflowDataFormat.CounterSample || format == SflowDataFormat.ExpandedCounterSample)
            {
                WalkCounterSample(ref sample, format == SflowDataFormat.ExpandedCounterSample, ref visitor);
            }
            else
            {
                visitor.OnUnknownSample(format, sample.RemainingSpan, sample.Offset);
            }
        }
    }

    private static void WalkFlowSample<TVisitor>(ref SflowReader r, bool expanded, ref TVisitor visitor)
        where TVisitor : ISflowVisitor, allows ref struct
    {
        var sequence = r.ReadUInt32();
        uint sourceType, sourceIndex, inputFormat, input, outputFormat, output;
        if (expanded)
        {
            sourceType = r.ReadUInt32();
            sourceIndex = r.ReadUInt32();
        }
        else
        {
            var sourceId = r.ReadUInt32();
            sourceType = sourceId >> 24;
            sourceIndex = sourceId & 0x00FF_FFFF;
        }

        var rate = r.ReadUInt32();
        var pool = r.ReadUInt32();
        var drops = r.ReadUInt32();
        if (expanded)
        {
            inputFormat = r.ReadUInt32();
            input = r.ReadUInt32();
            outputFormat = r.ReadUInt32();
            output = r.ReadUInt32();
        }
        else
        {
            var i = r.ReadUInt32();
            var o = r.ReadUInt32();
            inputFormat = i >> 30;
            input = i & 0x3FFF_FFFF;
            outputFormat = o >> 30;
            output = o & 0x3FFF_FFFF;
        }

        var count = r.ReadCount(TaggedMinSize);
        var header = new SflowFlowSampleHeader(
            expanded, sequence, sourceType, sourceIndex, rate, pool, drops, inputFormat, input, outputFormat, output, count);
        visitor.OnFlowSample(header);
        for (var n = 0u; n < count; n++)
        {
            var record = r.ReadTagged(out var format);
            visitor.OnFlowRecord(header, format, record.RemainingSpan, record.Offset);
        }

        visitor.OnFlowSampleEnd(header);
    }

    private static void WalkCounterSample<TVisitor>(ref SflowReader r, bool expanded, ref TVisitor visitor)
        where TVisitor : ISflowVisitor, allows ref struct
    {
        var sequence = r.ReadUInt32();
        uint sourceType, sourceIndex;
        if (expanded)
        {
            sourceType = r.ReadUInt32();
            sourceIndex = r.ReadUInt32();
        }
        else
        {
            var sourceId = r.ReadUInt32();
            sourceType = sourceId >> 24;
            sourceIndex = sourceId & 0x00FF_FFFF;
        }

        var count = r.ReadCount(TaggedMinSize);
        var header = new SflowCounterSampleHeader(expanded, sequence, sourceType, sourceIndex, count);
        visitor.OnCounterSample(header);
        for (var n = 0u; n < count; n++)
        {
            var record = r.ReadTagged(out var format);
            visitor.OnCounterRecord(header, format, record.RemainingSpan, record.Offset);
        }

        visitor.OnCounterSampleEnd(header);
    }

    /// <summary>The validation pass: visits nothing, so the JIT removes every call.</summary>
    private struct FramingCheck : ISflowVisitor
    {
        public readonly void OnDatagram(in SflowDatagramHeader datagram)
        {
        }

        public readonly void OnFlowSample(in SflowFlowSampleHeader sample)
        {
        }

        public readonly void OnFlowRecord(in SflowFlowSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
        }

        public readonly void OnFlowSampleEnd(in SflowFlowSampleHeader sample)
        {
        }

        public readonly void OnCounterSample(in SflowCounterSampleHeader sample)
        {
        }

        public readonly void OnCounterRecord(
            in SflowCounterSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
        }

        public readonly void OnCounterSampleEnd(in SflowCounterSampleHeader sample)
        {
        }

        public readonly void OnUnknownSample(SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
        }
    }
}
