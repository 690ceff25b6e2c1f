using System.Diagnostics;
using SdnDashboard.Collectors.Sflow;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Bench.Sflow;

/// <summary>Decode rate on one core: the hot-path reader plus header parsing, and the whole aggregator.</summary>
internal static class DecodeBenchmark
{
    public static void Run(IReadOnlyList<byte[]> datagrams, int runs, TimeSpan runLength)
    {
        var flowSamples = 0L;
        var samples = 0L;
        foreach (var d in datagrams)
        {
            var count = new CountingVisitor();
            SflowDatagramReader.Read(d, ref count);
            flowSamples += count.FlowSamples;
            samples += count.Samples;
        }

        Console.WriteLine($"decode mix: {datagrams.Count} datagrams, {samples} samples ({flowSamples} flow), {datagrams.Sum(d => d.Length) / datagrams.Count} bytes/datagram average");

        var decode = Measure(runs, runLength, datagrams, static d =>
        {
            var v = new ParsingVisitor();
            SflowDatagramReader.Read(d, ref v);
            return v.Checksum;
        });
        double perDatagramFlow = (double)flowSamples / datagrams.Count, perDatagram = (double)samples / datagrams.Count;
        Console.WriteLine($"decode (reader + Ethernet/IP/TCP/UDP header parse): median {decode * perDatagramFlow / 1e6:F2} M flow samples/s, {decode * perDatagram / 1e6:F2} M samples/s, {decode / 1e3:F0} k datagrams/s");

        var aggregator = new SflowAggregator(TimeProvider.System, 20, []);
        var sender = IpAddressValue.Parse("127.0.0.1");
        var ingest = Measure(runs, runLength, datagrams, d =>
        {
            aggregator.Ingest(d, sender, out _);
            return 0;
        });
        aggregator.Flush("bench");
        Console.WriteLine($"aggregator Ingest (decode + per-VM, top flows, sequences, rates): median {ingest * perDatagramFlow / 1e6:F2} M flow samples/s, {ingest / 1e3:F0} k datagrams/s");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var d in datagrams)
            {
                aggregator.Ingest(d, sender, out _);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"allocated on the ingest path: {allocated} bytes for {100 * samples} samples ({(double)allocated / (100 * samples):F3} bytes/sample)");
    }

    /// <summary>Runs the datagram set repeatedly; returns the median rate in passes over the set per second.</summary>
    private static double Measure(int runs, TimeSpan runLength, IReadOnlyList<byte[]> datagrams, Func<byte[], long> body)
    {
        var rates = new List<double>();
        long sink = 0;
        for (var warm = 0; warm < 2000; warm++)
        {
            foreach (var d in datagrams)
            {
                sink += body(d);
            }
        }

        for (var r = 0; r < runs; r++)
        {
            var passes = 0L;
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed < runLength)
            {
                foreach (var d in datagrams)
                {
                    sink += body(d);
                }

                passes++;
            }

            rates.Add(passes * datagrams.Count / sw.Elapsed.TotalSeconds);
        }

        GC.KeepAlive(sink);
        rates.Sort();
        return rates[rates.Count / 2];
    }

    private struct CountingVisitor : ISflowVisitor
    {
        public long FlowSamples;
        public long Samples;

        public void OnDatagram(in SflowDatagramHeader datagram)
        {
        }

        public void OnFlowSample(in SflowFlowSampleHeader sample)
        {
            FlowSamples++;
            Samples++;
        }

        public readonly void OnFlowRecord(in SflowFlowSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
        }

        public readonly void OnFlowSampleEnd(in SflowFlowSampleHeader sample)
        {
        }

        public void OnCounterSample(in SflowCounterSampleHeader sample) => Samples++;

        public readonly void OnCounterRecord(in SflowCounterSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
        }

        public readonly void OnCounterSampleEnd(in SflowCounterSampleHeader sample)
        {
        }

        public readonly void OnUnknownSample(SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
        }
    }

    /// <summary>Decodes what a collector needs: every sample header and every sampled packet header.</summary>
    private struct ParsingVisitor : ISflowVisitor
    {
        public long Checksum;

        public void OnDatagram(in SflowDatagramHeader datagram) => Checksum += datagram.SequenceNumber;

        public void OnFlowSample(in SflowFlowSampleHeader sample) => Checksum += sample.SamplingRate;

        public void OnFlowRecord(in SflowFlowSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
            if (format == SflowDataFormat.RawPacketHeader)
            {
                var header = SflowRawPacketHeader.ReadView(body, bodyOffset, out var protocol, out var frameLength, out _);
                var h = SflowRawPacketHeader.ParseHeader(protocol, header);
                Checksum += frameLength + h.SourcePort + (long)h.SourceMac.Value + (long)(ulong)h.DestinationIp.Value;
            }
        }

        public readonly void OnFlowSampleEnd(in SflowFlowSampleHeader sample)
        {
        }

        public void OnCounterSample(in SflowCounterSampleHeader sample) => Checksum += sample.SequenceNumber;

        public void OnCounterRecord(in SflowCounterSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset) =>
            Checksum += body.Length;

        public readonly void OnCounterSampleEnd(in SflowCounterSampleHeader sample)
        {
        }

        public readonly void OnUnknownSample(SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
        }
    }
}
