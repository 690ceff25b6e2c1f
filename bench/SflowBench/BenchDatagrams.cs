using SdnDashboard.Collectors.Capture;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Bench.Sflow;

/// <summary>
/// The realistic mix: every datagram Open vSwitch sent in the lab capture, plus datagrams shaped like a
/// busy compute node's (7 flow samples of 128-byte headers at 1-in-512 over 30 VMs and many flows, a
/// counter sample every tenth datagram).
/// </summary>
internal static class BenchDatagrams
{
    public static List<byte[]> Mix(string repoRoot)
    {
        var list = CaptureFileReader.ReadFile(Path.Combine(repoRoot, "Dashboard.Tests", "TestData", "sflow", "ovs-lo.pcap"))
            .Select(f => UdpDatagramExtractor.TryExtract(f, out var udp) ? udp.Payload.ToArray() : null)
            .OfType<byte[]>()
            .ToList();
        list.AddRange(Generated(200, sequenceStart: 1));
        return list;
    }

    public static List<byte[]> Generated(int count, uint sequenceStart, bool counterSamples = true, uint agent = 0x0A000001)
    {
        var random = new Random(42);
        var list = new List<byte[]>(count);
        var sampleSequence = 1u;
        for (var i = 0; i < count; i++)
        {
            var samples = new List<SflowSample>();
            for (var s = 0; s < 7; s++)
            {
                var vm = random.Next(30);
                var src = new MacAddress(0x525400000000UL | (uint)vm);
                var dst = new MacAddress(0x525400000000UL | (uint)random.Next(30));
                var v6 = random.Next(10) == 0;
                var srcIp = v6 ? IpAddressValue.Parse($"fd00::{vm + 1}") : IpAddressValue.FromIPv4(0x0A000000u | (uint)(vm + 1));
                var dstIp = v6 ? IpAddressValue.Parse($"fd00::{random.Next(200) + 1}") : IpAddressValue.FromIPv4(0xC0A80000u | (uint)random.Next(60000));
                var protocol = random.Next(4) == 0 ? IpProtocols.Udp : IpProtocols.Tcp;
                var payload = random.Next(3) == 0 ? 0 : 1400;
                var frame = PacketBuilder.BuildFrame(src, dst, srcIp, dstIp, protocol, (ushort)random.Next(1024, 65535), (ushort)(random.Next(2) == 0 ? 443 : 80), payload,
                    vlanId: random.Next(5) == 0 ? (ushort)100 : null);
                samples.Add(new SflowFlowSample
                {
                    SequenceNumber = sampleSequence++, SourceIdIndex = 1, SamplingRate = 512, SamplePool = sampleSequence * 512,
                    Input = (uint)vm + 1, Output = 0x3FFF_FFFF,
                    Records =
                    [
                        new SflowRawPacketHeader { FrameLength = (uint)frame.Length + 4, Stripped = 4, Header = frame[..Math.Min(128, frame.Length)] },
                        new SflowExtendedSwitch(),
                    ],
                });
            }

            if (counterSamples && i % 10 == 0)
            {
                samples.Add(new SflowCounterSample
                {
                    SequenceNumber = (uint)(i / 10) + 1, SourceIdIndex = 1,
                    Records = [new SflowGenericInterfaceCounters { IfIndex = 1, IfInOctets = (ulong)i * 100000, IfOutOctets = (ulong)i * 90000 }, new SflowEthernetCounters()],
                });
            }

            list.Add(SflowDatagramEncoder.Encode(new SflowDatagram
            {
                AgentAddress = IpAddressValue.FromIPv4(agent),
                SequenceNumber = sequenceStart + (uint)i,
                UptimeMs = (uint)i * 10,
                Samples = samples,
            }));
        }

        return list;
    }
}
