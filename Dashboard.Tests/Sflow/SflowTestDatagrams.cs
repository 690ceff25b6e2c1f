using SdnDashboard.Core.Net;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Tests.Sflow;

/// <summary>Datagrams built with our model, for encoder and malformed-input tests.</summary>
internal static class SflowTestDatagrams
{
    public static readonly MacAddress Vm1 = MacAddress.Parse("52:54:00:00:01:01");
    public static readonly MacAddress Vm2 = MacAddress.Parse("52:54:00:00:01:02");

    public static SflowDatagram EveryRecordType() => new()
    {
        AgentAddress = IpAddressValue.Parse("10.1.2.3"),
        SubAgentId = 1,
        SequenceNumber = 77,
        UptimeMs = 123456,
        Samples =
        [
            new SflowFlowSample
            {
                SequenceNumber = 5, SourceIdIndex = 3, SamplingRate = 400, SamplePool = 2000, Drops = 1, Input = 3, Output = 4,
                Records =
                [
                    new SflowRawPacketHeader
                    {
                        FrameLength = 1518, Stripped = 4,
                        Header = PacketBuilder.BuildFrame(Vm1, Vm2, IpAddressValue.Parse("10.0.0.1"), IpAddressValue.Parse("10.0.0.2"),
                            IpProtocols.Tcp, 1234, 80, 200, vlanId: 10)[..128],
                    },
                    new SflowEthernetFrameData { Length = 1514, SourceMac = Vm1, DestinationMac = Vm2, EtherType = EtherTypes.IPv4 },
                    new SflowIpv4Data
                    {
                        Length = 1500, Protocol = 6, SourceIp = IpAddressValue.Parse("10.0.0.1"), DestinationIp = IpAddressValue.Parse("10.0.0.2"),
                        SourcePort = 1234, DestinationPort = 80, TcpFlags = 0x18, Tos = 0x10,
                    },
                    new SflowIpv6Data
                    {
                        Length = 1500, Protocol = 17, SourceIp = IpAddressValue.Parse("fd00::1"), DestinationIp = IpAddressValue.Parse("fd00::2"),
                        SourcePort = 53, DestinationPort = 5353, Priority = 3,
                    },
                    new SflowExtendedSwitch { SourceVlan = 10, SourcePriority = 1, DestinationVlan = 20, DestinationPriority = 2 },
                    new SflowExtendedRouter { NextHop = IpAddressValue.Parse("fd00::fe"), SourceMaskLength = 64, DestinationMaskLength = 48 },
                    new SflowUnknownFlowRecord(new SflowDataFormat(8800, 3), [9, 9, 9, 9]),
                ],
            },
            new SflowFlowSample
            {
                Expanded = true, SequenceNumber = 6, SourceIdType = 0, SourceIdIndex = 100000, SamplingRate = 1, SamplePool = 6,
                InputFormat = 0, Input = 100000, OutputFormat = 2, Output = 7,
                Records = [new SflowRawPacketHeader { FrameLength = 46, Header = PacketBuilder.BuildArp(1, Vm1, IpAddressValue.Parse("10.0.0.1"), MacAddress.Zero, IpAddressValue.Parse("10.0.0.2")) }],
            },
            new SflowCounterSample
            {
                SequenceNumber = 9, SourceIdIndex = 3,
                Records =
                [
                    new SflowGenericInterfaceCounters { IfIndex = 3, IfType = 6, IfSpeed = 10_000_000_000, IfDirection = 1, IfStatus = 3, IfInOctets = 1UL << 40, IfOutOctets = 12345 },
                    new SflowEthernetCounters { Dot3StatsFcsErrors = 2 },
                    new SflowVlanCounters { VlanId = 10, Octets = 99 },
                    new SflowProcessorCounters { Cpu5s = 1000, TotalMemory = 1 << 30 },
                    new SflowOpenFlowPortCounters { DatapathId = 0xABCDEF, PortNumber = 2 },
                    new SflowPortNameCounters { Name = "tap0123" },
                ],
            },
            new SflowCounterSample
            {
                Expanded = true, SequenceNumber = 10, SourceIdType = 2, SourceIdIndex = 1,
                Records =
                [
                    new SflowHostDescription { Hostname = "node", Uuid = Guid.NewGuid(), MachineType = 3, OsName = 2, OsRelease = "6.1" },
                    new SflowHostAdapters { Adapters = [new SflowHostAdapter { IfIndex = 2, MacAddresses = [Vm1, Vm2] }] },
                    new SflowHostParent { ContainerType = 2, ContainerIndex = 1 },
                    new SflowHostCpu { LoadOne = 0.5f, CpuNum = 2, CpuSteal = 1, CpuGuest = 2, CpuGuestNice = 3 },
                    new SflowHostMemory { MemTotal = 1UL << 33 },
                    new SflowHostDiskIo { PartMaxUsed = 5000 },
                    new SflowHostNetIo { BytesIn = 5 },
                    new SflowVirtNode { Cpus = 8 },
                    new SflowVirtCpu { CpuTime = 7 },
                    new SflowVirtMemory { Memory = 1UL << 31 },
                    new SflowVirtDiskIo { RdBytes = 4096 },
                    new SflowVirtNetIo { TxBytes = 8192 },
                    new SflowUnknownCounterRecord(new SflowDataFormat(4300, 1), [1, 2, 3, 4, 5, 6, 7, 8]),
                ],
            },
        ],
    };
}
