using SdnDashboard.Collectors.Capture;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Tests.Sflow;

/// <summary>Round trips, the records tshark 4.0 cannot decode, and malformed input.</summary>
public sealed class SflowCodecTests
{
    internal static List<byte[]> Datagrams(string file) => CaptureFileReader.ReadFile(SflowTsharkCaptureTests.TestDataPath(file))
        .Select(f => UdpDatagramExtractor.TryExtract(f, out var udp) ? udp.Payload.ToArray() : throw new InvalidOperationException("not UDP"))
        .ToList();

    [Fact]
    public void Encode_DecodedSyntheticDatagrams_ReproducesTheBytesExactly()
    {
        // synthetic.pcap was encoded by lab/make-synthetic-sflow.py, independently of our encoder.
        foreach (var original in Datagrams("synthetic.pcap"))
        {
            var encoded = SflowDatagramEncoder.Encode(SflowDatagramDecoder.Decode(original));
            AssertSameBytes(original, encoded);
        }
    }

    [Theory]
    [InlineData("ovs-lo.pcap")]
    [InlineData("ovs-any-sll2.pcapng")]
    public void Encode_DecodedOvsDatagrams_RoundTripsAndDiffersOnlyInPadding(string file)
    {
        foreach (var original in Datagrams(file))
        {
            var once = SflowDatagramEncoder.Encode(SflowDatagramDecoder.Decode(original));

            // OVS leaves memory garbage in XDR padding; everything else must be identical.
            Assert.Equal(original.Length, once.Length);
            var twice = SflowDatagramEncoder.Encode(SflowDatagramDecoder.Decode(once));
            AssertSameBytes(once, twice);
        }
    }

    [Fact]
    public void Decode_SyntheticHostAndVirtRecords_HoldTheEncodedValues()
    {
        var datagrams = Datagrams("synthetic.pcap").Select(d => SflowDatagramDecoder.Decode(d)).ToList();
        Assert.Equal(IpAddressValue.Parse("2001:db8::10"), datagrams[1].AgentAddress);
        Assert.Equal(3u, datagrams[1].SubAgentId);

        var host = Assert.IsType<SflowCounterSample>(datagrams[1].Samples[1]);
        Assert.True(host.Expanded);
        var descr = Assert.IsType<SflowHostDescription>(host.Records[0]);
        Assert.Equal("compute-1", descr.Hostname);
        Assert.Equal(Guid.Parse("01234567-89ab-cdef-0123-456789abcdef"), descr.Uuid);
        Assert.Equal("6.1.0-13-amd64", descr.OsRelease);
        var adapters = Assert.IsType<SflowHostAdapters>(host.Records[1]);
        Assert.Equal(2, adapters.Adapters.Count);
        Assert.Equal([MacAddress.Parse("52:54:00:aa:00:02"), MacAddress.Parse("fa:16:3e:00:00:fe")], adapters.Adapters[1].MacAddresses);
        Assert.Equal(42u, Assert.IsType<SflowHostParent>(host.Records[2]).ContainerIndex);
        var cpu = Assert.IsType<SflowHostCpu>(host.Records[3]);
        Assert.Equal(1.75f, cpu.LoadFifteen);
        Assert.Equal(654321u, cpu.Contexts);
        Assert.Null(cpu.CpuSteal);
        Assert.Equal(40u, Assert.IsType<SflowHostMemory>(host.Records[4]).SwapOut);
        var disk = Assert.IsType<SflowHostDiskIo>(host.Records[5]);
        Assert.Equal(6543, disk.PartMaxUsed);
        Assert.Equal(2ul << 30, disk.BytesWritten);
        Assert.Equal(222222ul, Assert.IsType<SflowHostNetIo>(host.Records[6]).BytesOut);

        var virt = Assert.IsType<SflowCounterSample>(Assert.Single(datagrams[2].Samples));
        Assert.Equal(3u, virt.SourceIdType);
        Assert.Equal(3u, Assert.IsType<SflowVirtNode>(virt.Records[0]).NumDomains);
        Assert.Equal(123456u, Assert.IsType<SflowVirtCpu>(virt.Records[1]).CpuTime);
        Assert.Equal(4ul << 30, Assert.IsType<SflowVirtMemory>(virt.Records[2]).MaxMemory);
        Assert.Equal(8192000ul, Assert.IsType<SflowVirtDiskIo>(virt.Records[3]).WrBytes);
        var net = Assert.IsType<SflowVirtNetIo>(virt.Records[4]);
        Assert.Equal(333333ul, net.RxBytes);
        Assert.Equal(3u, net.TxDrop);
        var unknown = Assert.IsType<SflowUnknownCounterRecord>(virt.Records[5]);
        Assert.Equal(new SflowDataFormat(4413, 7), unknown.Format);
        Assert.Equal(8, unknown.Length);
    }

    [Fact]
    public void Encode_EveryModelType_RoundTripsThroughDecode()
    {
        var datagram = SflowTestDatagrams.EveryRecordType();
        var bytes = SflowDatagramEncoder.Encode(datagram);
        var decoded = SflowDatagramDecoder.Decode(bytes);
        AssertSameBytes(bytes, SflowDatagramEncoder.Encode(decoded));
        Assert.Equal(datagram.Samples.Count, decoded.Samples.Count);
        for (var i = 0; i < datagram.Samples.Count; i++)
        {
            var (a, b) = (datagram.Samples[i], decoded.Samples[i]);
            Assert.Equal(a.GetType(), b.GetType());
            IEnumerable<object> ra = a is SflowFlowSample fa ? fa.Records : ((SflowCounterSample)a).Records;
            IEnumerable<object> rb = b is SflowFlowSample fb ? fb.Records : ((SflowCounterSample)b).Records;
            foreach (var (x, y) in ra.Zip(rb))
            {
                // Records with arrays compare by reference; compare those by their encoding instead.
                if (x is SflowRawPacketHeader or SflowHostAdapters or SflowUnknownCounterRecord or SflowUnknownFlowRecord)
                {
                    Assert.Equal(x.GetType(), y.GetType());
                }
                else
                {
                    Assert.Equal(x, y);
                }
            }
        }
    }

    [Fact]
    public void Decode_WrongVersion_ThrowsAtOffsetZero()
    {
        var bytes = SflowDatagramEncoder.Encode(SflowTestDatagrams.EveryRecordType());
        bytes[3] = 4;
        var ex = Assert.Throws<SflowFormatException>(() => SflowDatagramDecoder.Decode(bytes));
        Assert.Equal(0, ex.Offset);
        Assert.Contains("version 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EveryTruncation_ThrowsSflowFormatExceptionWithinTheBuffer()
    {
        var bytes = SflowDatagramEncoder.Encode(SflowTestDatagrams.EveryRecordType());
        for (var length = 0; length < bytes.Length; length++)
        {
            var ex = Assert.Throws<SflowFormatException>(() => SflowDatagramDecoder.Decode(bytes.AsSpan(0, length)));
            Assert.InRange(ex.Offset, 0, length);
        }
    }

    [Fact]
    public void Decode_AbsurdSampleCount_ThrowsAtTheCount()
    {
        var bytes = SflowDatagramEncoder.Encode(SflowTestDatagrams.EveryRecordType());
        const int countOffset = 24; // version, address type, IPv4, sub-agent, sequence, uptime
        bytes[countOffset] = 0x7F;
        var ex = Assert.Throws<SflowFormatException>(() => SflowDatagramDecoder.Decode(bytes));
        Assert.Equal(countOffset, ex.Offset);
    }

    [Fact]
    public void Decode_SampleLengthOverrunningTheDatagram_ThrowsAtTheLength()
    {
        var bytes = SflowDatagramEncoder.Encode(SflowTestDatagrams.EveryRecordType());
        const int firstSampleLength = 32;
        bytes[firstSampleLength] = 0x01;
        var ex = Assert.Throws<SflowFormatException>(() => SflowDatagramDecoder.Decode(bytes));
        Assert.Equal(firstSampleLength, ex.Offset);
        Assert.Contains("overruns", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedDatagram_VisitsNothing()
    {
        var bytes = SflowDatagramEncoder.Encode(SflowTestDatagrams.EveryRecordType());
        var visitor = new CountingVisitor();
        Assert.Throws<SflowFormatException>(() => SflowDatagramReader.Read(bytes.AsSpan(0, bytes.Length - 1), ref visitor));
        Assert.Equal(0, visitor.Calls);
        SflowDatagramReader.Read(bytes, ref visitor);
        Assert.True(visitor.Calls > 10);
    }

    [Fact]
    public void Decode_UnknownSampleFormat_IsKeptAndSkippedByLength()
    {
        var datagram = SflowTestDatagrams.EveryRecordType() with
        {
            Samples = [new SflowUnknownSample(new SflowDataFormat(9, 9), [1, 2, 3, 4]), .. SflowTestDatagrams.EveryRecordType().Samples],
        };
        var decoded = SflowDatagramDecoder.Decode(SflowDatagramEncoder.Encode(datagram));
        Assert.Equal(new SflowDataFormat(9, 9), Assert.IsType<SflowUnknownSample>(decoded.Samples[0]).Format);
        Assert.Equal(datagram.Samples.Count, decoded.Samples.Count);
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        var n = Math.Min(expected.Length, actual.Length);
        for (var i = 0; i < n; i++)
        {
            Assert.True(expected[i] == actual[i], $"first difference at byte {i}: expected 0x{expected[i]:x2}, got 0x{actual[i]:x2}");
        }

        Assert.Equal(expected.Length, actual.Length);
    }

    private struct CountingVisitor : ISflowVisitor
    {
        public int Calls;

        public void OnDatagram(in SflowDatagramHeader datagram) => Calls++;

        public void OnFlowSample(in SflowFlowSampleHeader sample) => Calls++;

        public void OnFlowRecord(in SflowFlowSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset) => Calls++;

        public void OnFlowSampleEnd(in SflowFlowSampleHeader sample) => Calls++;

        public void OnCounterSample(in SflowCounterSampleHeader sample) => Calls++;

        public void OnCounterRecord(in SflowCounterSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset) => Calls++;

        public void OnCounterSampleEnd(in SflowCounterSampleHeader sample) => Calls++;

        public void OnUnknownSample(SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset) => Calls++;
    }
}
