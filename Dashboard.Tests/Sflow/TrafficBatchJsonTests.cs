using System.Text.Json;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Tests.Sflow;

public sealed class TrafficBatchJsonTests
{
    [Fact]
    public void TrafficBatch_WithInterfacesAndAgents_RoundTripsThroughTheBusContract()
    {
        var batch = new TrafficBatch
        {
            Collector = "node-1:6343",
            IntervalSeconds = 1,
            Vms = [new VmTraffic { Mac = "52:54:00:00:00:01", VmName = "web-1", BytesIn = 10 }],
            TopFlows = [new FlowRate { SrcIp = "10.0.0.1", DstIp = "10.0.0.2", Protocol = 6, SrcPort = 1, DstPort = 80, Bytes = 1000 }],
            LostSamples = 3,
            DroppedDatagrams = 2,
            LostDatagrams = 1,
            Interfaces = [new InterfaceRate { Agent = "10.0.0.9", IfIndex = 7, Name = "tap1", InBytesPerSec = 12.5, OutErrorsPerSec = null }],
            Agents = [new SflowAgentStatus { Agent = "10.0.0.9", Datagrams = 5, LostSamples = 3 }],
        };

        var json = JsonSerializer.Serialize(batch, BusTopics.Traffic.TypeInfo);
        var back = JsonSerializer.Deserialize(json, BusTopics.Traffic.TypeInfo)!;

        Assert.Contains("\"interfaces\":[{\"agent\":\"10.0.0.9\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("outErrorsPerSec", json, StringComparison.Ordinal);
        Assert.Equal("tap1", Assert.Single(back.Interfaces).Name);
        Assert.Equal(3, Assert.Single(back.Agents).LostSamples);
        Assert.Equal(2, back.DroppedDatagrams);
        Assert.Equal(1, back.LostDatagrams);
        Assert.Equal("web-1", Assert.Single(back.Vms).VmName);
    }
}
