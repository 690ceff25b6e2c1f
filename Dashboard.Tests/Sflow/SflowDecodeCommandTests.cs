using System.Text;
using System.Text.Json;
using SdnDashboard.Collectors.Sflow;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Tests.Sflow;

public sealed class SflowDecodeCommandTests
{
    private static (int Code, List<JsonElement> Lines, string Error) Run(string path)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var code = SflowDecodeCommand.Run([path], output, error);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (code, lines, error.ToString());
    }

    [Fact]
    public void Decode_OvsCapture_PrintsOneLinePerSampleWithTheFlowFields()
    {
        var (code, lines, _) = Run(SflowTsharkCaptureTests.TestDataPath("ovs-lo.pcapng"));

        Assert.Equal(0, code);
        var expected = SflowCodecTests.Datagrams("ovs-lo.pcapng").Sum(d => SflowDatagramDecoder.Decode(d).Samples.Count);
        Assert.Equal(expected, lines.Count);
        // Any TCP sample from a to b (OVS may skip samples, so not one particular segment).
        var tcp = lines.First(l => l.GetProperty("type").GetString() == "flow" && l.TryGetProperty("ipProtocol", out var p) && p.GetInt32() == 6
            && l.GetProperty("srcIp").GetString() == "10.77.0.1");
        Assert.Equal("127.0.0.1", tcp.GetProperty("agent").GetString());
        Assert.Equal("52:54:00:5f:00:01", tcp.GetProperty("srcMac").GetString());
        Assert.Equal("52:54:00:5f:00:02", tcp.GetProperty("dstMac").GetString());
        Assert.Equal("10.77.0.2", tcp.GetProperty("dstIp").GetString());
        Assert.Equal(5001, tcp.GetProperty("dstPort").GetInt32());
        Assert.Equal(2048, tcp.GetProperty("etherType").GetInt32());
        Assert.Equal(1, tcp.GetProperty("samplingRate").GetInt32());
        Assert.True(tcp.TryGetProperty("tcpFlags", out _));
        Assert.False(tcp.TryGetProperty("vlan", out _));
        var udp = lines.First(l => l.TryGetProperty("ipProtocol", out var p) && p.GetInt32() == 17 && l.GetProperty("dstPort").GetInt32() == 5002);
        Assert.False(udp.TryGetProperty("tcpFlags", out _));
        Assert.Equal("10.77.0.1", udp.GetProperty("dstIp").GetString());
        var counters = lines.First(l => l.GetProperty("type").GetString() == "counters"
            && l.GetProperty("records").EnumerateArray().Any(r => r.GetProperty("record").GetString() == "generic"));
        var names = counters.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("record").GetString()).ToList();
        Assert.Equal(["ethernet", "openflowPort", "portName", "generic"], names);
    }

    [Fact]
    public void Decode_SyntheticCapture_NamesEveryCounterRecord()
    {
        var (code, lines, _) = Run(SflowTsharkCaptureTests.TestDataPath("synthetic.pcap"));

        Assert.Equal(0, code);
        var names = lines.Where(l => l.GetProperty("type").GetString() == "counters")
            .SelectMany(l => l.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("record").GetString())).ToList();
        Assert.Equal(
            ["generic", "ethernet", "vlan", "processor", "hostDescr", "hostAdapters", "hostParent", "hostCpu", "hostMemory",
             "hostDiskIo", "hostNetIo", "virtNode", "virtCpu", "virtMemory", "virtDiskIo", "virtNetIo", "unknown"], names);
        var arp = lines.Single(l => l.TryGetProperty("etherType", out var t) && t.GetInt32() == 0x0806);
        Assert.False(arp.TryGetProperty("srcPort", out _));
        Assert.False(arp.TryGetProperty("ipProtocol", out _));
        Assert.Equal("10.0.0.12", arp.GetProperty("dstIp").GetString());
        var vlan = lines.First(l => l.TryGetProperty("vlan", out _));
        Assert.Equal(100, vlan.GetProperty("vlan").GetInt32());
        Assert.Equal(53, vlan.GetProperty("dstPort").GetInt32());
        var v6 = lines.First(l => l.GetProperty("agent").GetString() == "2001:db8::10" && l.GetProperty("type").GetString() == "flow");
        Assert.Equal("fd00::12", v6.GetProperty("srcIp").GetString());
        Assert.Equal(0x18, v6.GetProperty("tcpFlags").GetInt32());
    }

    [Fact]
    public void Decode_MalformedDatagram_PrintsOneErrorLineAndGoesOn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sflow-bad-{Guid.NewGuid():N}.pcap");
        var good = SflowCodecTests.Datagrams("synthetic.pcap");
        try
        {
            PcapTestFile.WriteUdp(path, [good[0], good[0][..100], good[2]]);
            var (code, lines, _) = Run(path);

            Assert.Equal(0, code);
            var error = Assert.Single(lines, l => l.GetProperty("type").GetString() == "error");
            Assert.Equal(2, error.GetProperty("frame").GetInt32());
            Assert.InRange(error.GetProperty("offset").GetInt32(), 0, 100);
            Assert.Equal(5 + 1, lines.IndexOf(error) + 1); // five samples of the first datagram, then the error
            Assert.Equal("counters", lines[^1].GetProperty("type").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Decode_UnreadableFile_ExitsNonZeroWithOneLine()
    {
        var (code, lines, error) = Run("/nonexistent/capture.pcap");
        Assert.NotEqual(0, code);
        Assert.Empty(lines);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot read", error, StringComparison.Ordinal);

        var notPcap = Path.GetTempFileName();
        try
        {
            File.WriteAllText(notPcap, "hello, this text file is not a packet capture");
            var (code2, _, error2) = Run(notPcap);
            Assert.NotEqual(0, code2);
            Assert.Contains("not a pcap or pcapng", error2, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notPcap);
        }
    }
}
