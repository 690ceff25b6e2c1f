using SdnDashboard.Collectors.Sflow;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Tests.Sflow;

public sealed class SflowAggregatorTests
{
    private static readonly IpAddressValue Agent = IpAddressValue.Parse("192.0.2.1");
    private static readonly IpAddressValue Ip1 = IpAddressValue.Parse("10.0.0.1");
    private static readonly IpAddressValue Ip2 = IpAddressValue.Parse("10.0.0.2");
    private static readonly MacAddress Vm1 = SflowTestDatagrams.Vm1;
    private static readonly MacAddress Vm2 = SflowTestDatagrams.Vm2;
    private readonly ManualClock _clock = new();

    private SflowAggregator NewAggregator(int topFlows = 20, params IpAddressValue[] allowed)
    {
        var a = new SflowAggregator(_clock, topFlows, allowed);
        a.SetVms(new Dictionary<MacAddress, string> { [Vm1] = "vm1", [Vm2] = "vm2" });
        return a;
    }

    private static SflowFlowSample Flow(uint sequence, uint rate, byte[] frame, uint drops = 0) => new()
    {
        SequenceNumber = sequence, SourceIdIndex = 1, SamplingRate = rate, SamplePool = sequence * rate, Drops = drops,
        Records = [new SflowRawPacketHeader { FrameLength = (uint)frame.Length + 4, Stripped = 4, Header = frame[..Math.Min(128, frame.Length)] }],
    };

    private static byte[] Tcp(MacAddress src, MacAddress dst, IpAddressValue s, IpAddressValue d, ushort sport, ushort dport, int payload) =>
        PacketBuilder.BuildFrame(src, dst, s, d, IpProtocols.Tcp, sport, dport, payload);

    private static byte[] Datagram(uint sequence, params SflowSample[] samples) =>
        SflowDatagramEncoder.Encode(new SflowDatagram { AgentAddress = Agent, SequenceNumber = sequence, UptimeMs = sequence * 1000, Samples = samples });

    private static SflowOutcomeAssert Ingest(SflowAggregator a, byte[] datagram) => new(a.Ingest(datagram, Agent, out _));

    [Fact]
    public void Flush_FlowSamples_EstimatesVmBytesAndPacketsScaledBySamplingRate()
    {
        var a = NewAggregator();
        var frame = Tcp(Vm1, Vm2, Ip1, Ip2, 1000, 80, 946); // 1000-byte frame
        Ingest(a, Datagram(1, Flow(1, 100, frame), Flow(2, 100, frame))).Accepted();
        _clock.Advance(TimeSpan.FromSeconds(2));

        var batch = a.Flush("test");

        var vm1 = batch.Vms.Single(v => v.VmName == "vm1");
        var vm2 = batch.Vms.Single(v => v.VmName == "vm2");
        Assert.Equal(2 * 100 * 1000, vm1.BytesOut);
        Assert.Equal(200, vm1.PacketsOut);
        Assert.Equal(0, vm1.BytesIn);
        Assert.Equal(2 * 100 * 1000, vm2.BytesIn);
        Assert.Equal(200, vm2.PacketsIn);
        Assert.Equal("52:54:00:00:01:01", vm1.Mac);
        Assert.Equal(2, batch.IntervalSeconds, 3);
        Assert.Equal(2, batch.Samples);
        Assert.Equal(1, batch.Datagrams);
    }

    [Fact]
    public void Flush_ManyFlows_ReturnsTopNByBytesLargestFirst()
    {
        var a = NewAggregator(topFlows: 2);
        Ingest(a, Datagram(1,
            Flow(1, 1, Tcp(Vm1, Vm2, Ip1, Ip2, 1, 80, 100)),
            Flow(2, 1, Tcp(Vm1, Vm2, Ip1, Ip2, 2, 80, 900)),
            Flow(3, 1, Tcp(Vm2, Vm1, Ip2, Ip1, 80, 3, 500)),
            Flow(4, 1, Tcp(Vm1, Vm2, Ip1, Ip2, 2, 80, 900)))).Accepted();
        _clock.Advance(TimeSpan.FromSeconds(1));

        var top = a.Flush("test").TopFlows;

        Assert.Equal(2, top.Count);
        Assert.Equal(2, top[0].SrcPort);
        Assert.Equal(2, top[0].Packets);
        Assert.Equal(top[0].Bytes, top[0].BytesPerSec, 3);
        Assert.Equal(80, top[1].SrcPort);
        Assert.Equal("10.0.0.2", top[1].SrcIp);
        Assert.Equal(6, top[1].Protocol);
        Assert.Equal("52:54:00:00:01:02", top[1].SrcMac);
    }

    [Fact]
    public void Flush_SequenceGaps_CountsLostSamplesAndDatagramsButNotRestarts()
    {
        var a = NewAggregator();
        var frame = Tcp(Vm1, Vm2, Ip1, Ip2, 1, 2, 10);
        Ingest(a, Datagram(10, Flow(100, 1, frame))).Accepted();
        Ingest(a, Datagram(11, Flow(101, 1, frame))).Accepted();
        Ingest(a, Datagram(14, Flow(105, 1, frame))).Accepted(); // 3 samples and 2 datagrams lost
        Ingest(a, Datagram(1, Flow(1, 1, frame))).Accepted();    // agent restart: not a loss

        var batch = a.Flush("test");

        Assert.Equal(3, batch.LostSamples);
        Assert.Equal(2, batch.LostDatagrams);
        var agent = Assert.Single(batch.Agents);
        Assert.Equal("192.0.2.1", agent.Agent);
        Assert.Equal(3, agent.LostSamples);
        Assert.Equal(2, agent.LostDatagrams);
        Assert.Equal(4, agent.Datagrams);
    }

    [Fact]
    public void Flush_CounterSamples_RatesAreWrapAndResetAware()
    {
        var a = NewAggregator();
        SflowCounterSample Counters(uint seq, ulong inOctets, uint inUcast, uint outErrors) => new()
        {
            SequenceNumber = seq, SourceIdIndex = 5,
            Records =
            [
                new SflowPortNameCounters { Name = "tap1" },
                new SflowGenericInterfaceCounters
                {
                    IfIndex = 5, IfSpeed = 1_000_000_000, IfStatus = 3, IfInOctets = inOctets, IfInUcastPkts = inUcast,
                    IfOutOctets = 0, IfOutUcastPkts = 0, IfOutErrors = outErrors, IfInMulticastPkts = 0, IfInBroadcastPkts = uint.MaxValue,
                },
            ],
        };

        Ingest(a, Datagram(1, Counters(1, 1_000_000, uint.MaxValue - 49, 0))).Accepted();
        Ingest(a, Datagram(3, Counters(2, 3_000_000, 50, uint.MaxValue))).Accepted(); // uptime +2 s, ucast wrapped by 100

        var rate = Assert.Single(a.Flush("test").Interfaces);
        Assert.Equal("tap1", rate.Name);
        Assert.Equal(5, rate.IfIndex);
        Assert.True(rate.Up);
        Assert.Equal(1_000_000, rate.InBytesPerSec, 3);
        Assert.Equal(50, rate.InPacketsPerSec!.Value, 3);
        Assert.Null(rate.OutErrorsPerSec);
        Assert.Equal(0, rate.Resets);

        Ingest(a, Datagram(4, Counters(3, 10, 60, 0))).Accepted(); // octets went backwards: a reset, no rate
        Assert.Empty(a.Flush("test").Interfaces);
        Ingest(a, Datagram(5, Counters(4, 1010, 70, 0))).Accepted();
        var after = Assert.Single(a.Flush("test").Interfaces);
        Assert.Equal(1000, after.InBytesPerSec, 3);
        Assert.Equal(1, after.Resets);
    }

    [Fact]
    public void Ingest_SenderOutsideAllowList_IsCountedAndDropped()
    {
        var a = NewAggregator(20, IpAddressValue.Parse("192.0.2.99"));
        var outcome = a.Ingest(Datagram(1, Flow(1, 1, Tcp(Vm1, Vm2, Ip1, Ip2, 1, 2, 10))), Agent, out _);

        Assert.Equal(SflowIngestOutcome.NotAllowed, outcome);
        var batch = a.Flush("test");
        Assert.Equal(1, batch.DroppedDatagrams);
        Assert.Equal(0, batch.Samples);
        Assert.All(batch.Vms, v => Assert.Equal(0, v.BytesOut));
    }

    [Fact]
    public void Ingest_MalformedDatagram_CountsItAndAccountsNothing()
    {
        var a = NewAggregator();
        var good = Datagram(1, Flow(1, 10, Tcp(Vm1, Vm2, Ip1, Ip2, 1, 2, 10)), Flow(2, 10, Tcp(Vm1, Vm2, Ip1, Ip2, 1, 2, 10)));
        var outcome = a.Ingest(good.AsSpan(0, good.Length - 8), Agent, out var error);

        Assert.Equal(SflowIngestOutcome.Malformed, outcome);
        Assert.NotNull(error);
        var batch = a.Flush("test");
        Assert.Equal(1, batch.MalformedDatagrams);
        Assert.Equal(0, batch.Samples);
        Assert.All(batch.Vms, v => Assert.Equal(0, v.BytesOut + v.BytesIn));
    }

    [Fact]
    public void Ingest_OvsCaptureOfOneOfTwoTargets_ShowsTheSamplesSentToTheOther()
    {
        // OVS spreads its datagrams over its targets; the capture on 'any' holds only the IPv4 target's share.
        var a = NewAggregator();
        foreach (var datagram in SflowCodecTests.Datagrams("ovs-any.pcapng"))
        {
            Ingest(a, datagram).Accepted();
        }

        var batch = a.Flush("test");
        Assert.True(batch.LostSamples > 0, "gaps in sample sequence numbers must be counted");
        Assert.True(batch.LostDatagrams > 0, "gaps in datagram sequence numbers must be counted");
    }

    [Fact]
    public void Ingest_OvsCaptureOfBothTargets_CountsExactlyTheGapsInTheSequenceNumbers()
    {
        // Both targets get the same datagrams, yet OVS 3.1 skips sequence numbers when it has two targets:
        // the gaps are real losses from the collector's point of view and must show.
        var a = NewAggregator();
        a.SetVms(new Dictionary<MacAddress, string> { [MacAddress.Parse("52:54:00:5f:00:01")] = "a", [MacAddress.Parse("52:54:00:5f:00:02")] = "b" });
        var sent = 0L;
        var copies = 0;
        uint? previous = null;
        var sequences = new Dictionary<(bool Flow, uint Index), SortedSet<uint>>();
        foreach (var datagram in SflowCodecTests.Datagrams("ovs-lo.pcap"))
        {
            var decoded = SflowDatagramDecoder.Decode(datagram);
            var outcome = a.Ingest(datagram, Agent, out _);

            // Each datagram reaches the collector twice (IPv4 and IPv6 target): the copy is dropped.
            var copy = previous == decoded.SequenceNumber;
            previous = decoded.SequenceNumber;
            Assert.Equal(copy ? SflowIngestOutcome.Duplicate : SflowIngestOutcome.Accepted, outcome);
            if (copy)
            {
                copies++;
                continue;
            }

            sent += decoded.Samples.Count;
            foreach (var sample in decoded.Samples)
            {
                var (key, seq) = sample is SflowFlowSample f ? ((true, f.SourceIdIndex), f.SequenceNumber)
                    : ((false, ((SflowCounterSample)sample).SourceIdIndex), ((SflowCounterSample)sample).SequenceNumber);
                (sequences.TryGetValue(key, out var set) ? set : sequences[key] = []).Add(seq);
            }
        }

        var expectedLost = sequences.Values.Sum(set => set.Max - set.Min + 1 - set.Count);
        var batch = a.Flush("test");
        Assert.True(copies > 5);
        Assert.Equal(copies, batch.DuplicateDatagrams);
        Assert.Equal(sent, batch.Samples);
        Assert.Equal(expectedLost, batch.LostSamples);
        var fromA = SflowCodecTests.Datagrams("ovs-lo.pcap").Select(d => SflowDatagramDecoder.Decode(d)).DistinctBy(d => d.SequenceNumber)
            .SelectMany(d => d.Samples.OfType<SflowFlowSample>())
            .Select(f => f.Records.OfType<SflowRawPacketHeader>().Single())
            .Where(r => r.Parse().SourceMac == MacAddress.Parse("52:54:00:5f:00:01"))
            .Sum(r => (long)(r.FrameLength - r.Stripped));
        Assert.True(fromA > 10_000, "the capture holds TCP from a to b");
        Assert.Equal(fromA, batch.Vms.Single(v => v.VmName == "a").BytesOut);
        Assert.Contains(batch.TopFlows, f => f.DstPort == 5001 && f.Protocol == 6);
        Assert.Contains(batch.Interfaces, i => i.Name == "sfvcap1");
    }

    private readonly record struct SflowOutcomeAssert(SflowIngestOutcome Outcome)
    {
        public void Accepted() => Assert.Equal(SflowIngestOutcome.Accepted, Outcome);
    }
}
