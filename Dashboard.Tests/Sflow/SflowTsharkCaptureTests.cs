using System.Text.Json;
using SdnDashboard.Collectors.Capture;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Tests.Sflow;

/// <summary>
/// Our decode of captures from real Open vSwitch (made by lab/capture-sflow.sh) against tshark's decode
/// of the same files, committed beside them.
/// </summary>
public sealed class SflowTsharkCaptureTests
{
    public static TheoryData<string> Captures => new()
    {
        "ovs-lo.pcap", "ovs-lo.pcapng", "ovs-any.pcapng", "ovs-any-sll2.pcapng", "ovs-agent6.pcapng",
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void Decode_OvsCapture_MatchesTsharkOnEveryFieldItDecodes(string file)
    {
        var stats = CompareWithTshark(file);

        Assert.True(stats.FlowSamples > 20, $"only {stats.FlowSamples} flow samples compared");
        Assert.True(stats.CounterSamples > 5, $"only {stats.CounterSamples} counter samples compared");
        Assert.True(stats.FieldsCompared > 1000, $"only {stats.FieldsCompared} fields compared");
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Decode_OvsCountersTsharkCallsMalformed_DecodesEveryRecord(string file)
    {
        var path = TestDataPath(file);
        using var tshark = JsonDocument.Parse(File.ReadAllBytes(path + ".tshark.json"));
        var malformed = 0;
        var recordsAfterTsharkStopped = 0;
        var frames = CaptureFileReader.ReadFile(path).ToList();
        for (var i = 0; i < frames.Count; i++)
        {
            var layers = tshark.RootElement[i].GetProperty("_source").GetProperty("layers");
            if (!layers.TryGetProperty("_ws.malformed", out _))
            {
                continue;
            }

            malformed++;
            Assert.True(UdpDatagramExtractor.TryExtract(frames[i], out var udp));
            var datagram = SflowDatagramDecoder.Decode(udp.Payload.Span);
            foreach (var counters in datagram.Samples.OfType<SflowCounterSample>())
            {
                var openflowPort = counters.Records.OfType<SflowOpenFlowPortCounters>().SingleOrDefault();
                if (openflowPort is null)
                {
                    continue;
                }

                // OVS puts its OpenFlow port (1004) and port name (1005) before the generic counters that tshark never reaches.
                var generic = Assert.Single(counters.Records.OfType<SflowGenericInterfaceCounters>());
                var name = Assert.Single(counters.Records.OfType<SflowPortNameCounters>());
                Assert.StartsWith("sf", name.Name, StringComparison.Ordinal);
                Assert.Equal(counters.SourceIdIndex, generic.IfIndex);
                Assert.NotEqual(0ul, openflowPort.DatapathId);
                recordsAfterTsharkStopped += 3;
            }
        }

        Assert.True(malformed > 0, "tshark 4.0 marks OVS counter datagrams malformed; the capture should hold some");
        Assert.True(recordsAfterTsharkStopped > 0);
    }

    [Fact]
    public void Decode_SyntheticCaptureOfEveryRecordType_MatchesTsharkWhereItDecodes()
    {
        var stats = CompareWithTshark("synthetic.pcap");

        Assert.Equal(5, stats.FlowSamples);
        Assert.Equal(3, stats.CounterSamples);
        Assert.True(stats.RecordsCompared >= 16, $"only {stats.RecordsCompared} records compared");
        Assert.True(stats.FieldsCompared > 250, $"only {stats.FieldsCompared} fields compared");
    }

    [Fact]
    public void Decode_OvsWithIPv6AgentAddress_ReadsTheAgentAsIPv6()
    {
        var agents = SflowCodecTests.Datagrams("ovs-agent6.pcapng").Select(d => SflowDatagramDecoder.Decode(d).AgentAddress).ToList();
        Assert.Contains(agents, a => a.ToString() == "::1");
        Assert.Contains(agents, a => a.ToString() == "127.0.0.1");
    }

    internal static string TestDataPath(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "sflow", file);

    internal static TsharkSflowComparer.Stats CompareWithTshark(string file)
    {
        var path = TestDataPath(file);
        using var tshark = JsonDocument.Parse(File.ReadAllBytes(path + ".tshark.json"));
        var frames = CaptureFileReader.ReadFile(path).ToList();
        Assert.Equal(tshark.RootElement.GetArrayLength(), frames.Count);
        var stats = new TsharkSflowComparer.Stats();
        for (var i = 0; i < frames.Count; i++)
        {
            var layers = tshark.RootElement[i].GetProperty("_source").GetProperty("layers");
            Assert.True(UdpDatagramExtractor.TryExtract(frames[i], out var udp), $"frame {i + 1} is not UDP");
            var datagram = SflowDatagramDecoder.Decode(udp.Payload.Span);
            TsharkSflowComparer.CompareDatagram(layers.GetProperty("sflow"), datagram, $"{file} frame {i + 1}", stats);
        }

        return stats;
    }
}
