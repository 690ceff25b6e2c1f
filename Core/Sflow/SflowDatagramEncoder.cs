namespace SdnDashboard.Core.Sflow;

/// <summary>Encodes <see cref="SflowDatagram"/> objects as sFlow v5 bytes (simulated agents, tests, benchmarks).</summary>
public static class SflowDatagramEncoder
{
    public static byte[] Encode(SflowDatagram datagram)
    {
        var writer = new SflowWriter();
        Encode(datagram, writer);
        return writer.ToArray();
    }

    /// <summary>Appends the datagram to <paramref name="writer"/>.</summary>
    public static void Encode(SflowDatagram datagram, SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(SflowDatagramReader.Version5);
        writer.WriteAddress(datagram.AgentAddress);
        writer.WriteUInt32(datagram.SubAgentId);
        writer.WriteUInt32(datagram.SequenceNumber);
        writer.WriteUInt32(datagram.UptimeMs);
        writer.WriteUInt32((uint)datagram.Samples.Count);
        foreach (var sample in datagram.Samples)
        {
            var at = writer.BeginTagged(sample.Format);
            switch (sample)
            {
                case SflowFlowSample flow:
                    WriteFlowSample(flow, writer);
                    break;
                case SflowCounterSample counters:
                    WriteCounterSample(counters, writer);
                    break;
                case SflowUnknownSample unknown:
                    writer.WriteFixedOpaque(unknown.Data);
                    break;
                default:
                    throw new ArgumentException($"Cannot encode sample type {sample.GetType().Name}.", nameof(datagram));
            }

            writer.EndTagged(at);
        }
    }

    private static void WriteFlowSample(SflowFlowSample s, SflowWriter w)
    {
        w.WriteUInt32(s.SequenceNumber);
        if (s.Expanded)
        {
            w.WriteUInt32(s.SourceIdType);
            w.WriteUInt32(s.SourceIdIndex);
        }
        else
        {
            w.WriteUInt32((s.SourceIdType << 24) | (s.SourceIdIndex & 0x00FF_FFFF));
        }

        w.WriteUInt32(s.SamplingRate);
        w.WriteUInt32(s.SamplePool);
        w.WriteUInt32(s.Drops);
        if (s.Expanded)
        {
            w.WriteUInt32(s.InputFormat);
            w.WriteUInt32(s.Input);
            w.WriteUInt32(s.OutputFormat);
            w.WriteUInt32(s.Output);
        }
        else
        {
            w.WriteUInt32((s.InputFormat << 30) | (s.Input & 0x3FFF_FFFF));
            w.WriteUInt32((s.OutputFormat << 30) | (s.Output & 0x3FFF_FFFF));
        }

        w.WriteUInt32((uint)s.Records.Count);
        foreach (var record in s.Records)
        {
            var at = w.BeginTagged(record.Format);
            record.WriteBody(w);
            w.EndTagged(at);
        }
    }

    private static void WriteCounterSample(SflowCounterSample s, SflowWriter w)
    {
        w.WriteUInt32(s.SequenceNumber);
        if (s.Expanded)
        {
            w.WriteUInt32(s.SourceIdType);
            w.WriteUInt32(s.SourceIdIndex);
        }
        else
        {
            w.WriteUInt32((s.SourceIdType << 24) | (s.SourceIdIndex & 0x00FF_FFFF));
        }

        w.WriteUInt32((uint)s.Records.Count);
        foreach (var record in s.Records)
        {
            var at = w.BeginTagged(record.Format);
            record.WriteBody(w);
            w.EndTagged(at);
        }
    }
}
