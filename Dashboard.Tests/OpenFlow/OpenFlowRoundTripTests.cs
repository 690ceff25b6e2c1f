using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of10;
using SdnDashboard.Core.OpenFlow.Of13;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>Every modelled message of both versions: write, read back, write again, same bytes and fields.</summary>
public class OpenFlowRoundTripTests
{
    private static readonly OfPort Port = new()
    {
        PortNumber = 3, HardwareAddress = MacAddress.Parse("52:54:00:aa:bb:cc"), Name = "ofv-h1", Config = 0, State = 4,
        Current = 0x840, Advertised = 1, Supported = 2, Peer = 3,
    };

    private static readonly OxmMatch Oxm = Of13Translator.ToOxmMatch(new PacketMatch
    {
        InPort = 1, EthSrc = MacAddress.Parse("52:54:00:00:01:01"), EthType = 0x0800, IpProto = 6,
        Ipv4Dst = System.Net.IPAddress.Parse("10.0.0.12"), TpDst = 80,
    });

    private static readonly Of10Match Match10 = Of10Translator.ToOf10Match(new PacketMatch
    {
        InPort = 1, EthDst = MacAddress.Parse("52:54:00:00:01:02"), EthType = 0x0800, Ipv4Src = System.Net.IPAddress.Parse("10.0.0.11"),
    });

    private static readonly byte[] Frame = [.. Enumerable.Range(0, 60).Select(i => (byte)i)];

    public static TheoryData<string, OfMessage> Of13Messages() => new()
    {
        { "hello", new HelloMessage { Xid = 1, VersionBitmap = 0x12 } },
        { "hello-plain", new HelloMessage { Xid = 1 } },
        { "error", new ErrorMessage { Xid = 2, Type = 1, Code = 2, Data = new byte[] { 4, 14, 0, 8, 0, 0, 0, 1 } } },
        { "echo-request", new EchoRequestMessage { Xid = 3, Data = new byte[] { 1, 2, 3 } } },
        { "echo-reply", new EchoReplyMessage { Xid = 3 } },
        { "features-request", new FeaturesRequestMessage { Xid = 4 } },
        { "features-reply", new FeaturesReplyMessage { Xid = 4, DatapathId = 0x0000_5254_00aa_bbcc, Buffers = 256, Tables = 254, AuxiliaryId = 0, Capabilities = 0x4f } },
        { "get-config", new GetConfigRequestMessage { Xid = 5 } },
        { "get-config-reply", new SwitchConfigMessage { Xid = 5, Flags = 0, MissSendLength = 128 } },
        { "set-config", new SwitchConfigMessage { Xid = 6, IsSet = true, MissSendLength = 0xffff } },
        { "packet-in", new PacketInMessage { Xid = 0, BufferId = 0xffffffff, TotalLength = 60, Reason = 0, TableId = 0, Cookie = 0, Match = Of13Translator.ToOxmMatch(new PacketMatch { InPort = 2 }), Data = Frame } },
        { "packet-out", new PacketOutMessage { Xid = 7, BufferId = 0xffffffff, InPort = OfPorts.Controller, Actions = [new OfOutputAction(OfPorts.Flood, 0)], Data = Frame } },
        {
            "flow-mod", new FlowModMessage
            {
                Xid = 8, Cookie = 0x1234, CookieMask = 0, TableId = 0, Command = 0, IdleTimeout = 30, HardTimeout = 300, Priority = 100,
                BufferId = 0xffffffff, OutPort = OfPorts.Any, OutGroup = OfPorts.Any, Flags = 1, Match = Oxm,
                Instructions =
                [
                    new ApplyActionsInstruction([new OfOutputAction(2, 0xffff), new OfUnknownAction(0x0b, new byte[] { 0, 0x0b, 0, 8, 0, 0, 0, 0 })]),
                    new WriteActionsInstruction([new OfSetFieldAction(Of13Translator.ToOxmMatch(new PacketMatch { EthDst = MacAddress.Parse("52:54:00:00:00:09") }).Fields)]),
                    new ClearActionsInstruction(),
                    new GotoTableInstruction(1),
                    new UnknownInstruction(6, new byte[] { 0, 6, 0, 8, 0, 0, 0, 1 }),
                ],
            }
        },
        { "flow-removed", new FlowRemovedMessage { Xid = 0, Cookie = 9, Priority = 100, Reason = 0, TableId = 0, DurationSeconds = 31, DurationNanoseconds = 5000, IdleTimeout = 30, HardTimeout = 0, PacketCount = 4, ByteCount = 392, Match = Oxm } },
        { "port-status", new PortStatusMessage { Xid = 0, Reason = 2, Port = Port with { CurrentSpeed = 10_000_000, MaxSpeed = 0 } } },
        { "barrier-request", new BarrierRequestMessage { Xid = 10 } },
        { "barrier-reply", new BarrierReplyMessage { Xid = 10 } },
        { "desc-request", new DescStatsRequest { Xid = 11 } },
        { "desc-reply", new DescStatsReply { Xid = 11, Manufacturer = "Nicira, Inc.", Hardware = "Open vSwitch", Software = "3.1.0", SerialNumber = "None", Datapath = "None" } },
        { "flow-request", new FlowStatsRequest { Xid = 12, TableId = 0xff, OutPort = OfPorts.Any, OutGroup = OfPorts.Any, Match = OxmMatch.Empty } },
        { "aggregate-request", new FlowStatsRequest { Xid = 13, Aggregate = true, TableId = 0xff, OutPort = OfPorts.Any, OutGroup = OfPorts.Any, Cookie = 1, CookieMask = 1, Match = Oxm } },
        {
            "flow-reply", new FlowStatsReply
            {
                Xid = 12, Flags = 1, Flows =
                [
                    new FlowStatsEntry { TableId = 0, DurationSeconds = 3, DurationNanoseconds = 7, Priority = 100, IdleTimeout = 30, Flags = 1, Cookie = 5, PacketCount = 10, ByteCount = 980, Match = Oxm, Instructions = [new ApplyActionsInstruction([new OfOutputAction(2, 0)])] },
                    new FlowStatsEntry { TableId = 0, Priority = 0, Match = OxmMatch.Empty, Instructions = [new ApplyActionsInstruction([new OfOutputAction(OfPorts.Controller, 0xffff)])] },
                ],
            }
        },
        { "aggregate-reply", new AggregateStatsReply { Xid = 13, PacketCount = 10, ByteCount = 980, FlowCount = 2 } },
        { "table-request", new TableStatsRequest { Xid = 14 } },
        { "table-reply", new TableStatsReply { Xid = 14, Tables = [new TableStatsEntry { TableId = 0, ActiveCount = 2, LookupCount = 40, MatchedCount = 38 }] } },
        { "port-stats-request", new PortStatsRequest { Xid = 15, PortNumber = OfPorts.Any } },
        { "port-stats-reply", new PortStatsReply { Xid = 15, Ports = [new PortStatsEntry { PortNumber = 1, Counters = [.. Enumerable.Range(1, 12).Select(i => (ulong)i)], DurationSeconds = 9, DurationNanoseconds = 1 }] } },
        { "port-desc-request", new PortDescRequest { Xid = 16 } },
        { "port-desc-reply", new PortDescReply { Xid = 16, Ports = [Port, Port with { PortNumber = OfPorts.Local, Name = "ofbr0" }] } },
        { "unknown-multipart", new UnknownMultipartRequest { Xid = 17, Type = 9, Body = new byte[] { 0, 0, 0, 1, 0, 0, 0, 0 } } },
        { "unknown-message", new UnknownMessage { Xid = 18, Type = 24, Body = new byte[] { 0, 0, 0, 2 } } },
    };

    public static TheoryData<string, OfMessage> Of10Messages() => new()
    {
        { "hello", new HelloMessage { Xid = 1 } },
        { "error", new ErrorMessage { Xid = 2, Type = 1, Code = 2, Data = new byte[] { 1, 14, 0, 8, 0, 0, 0, 1 } } },
        { "echo-request", new EchoRequestMessage { Xid = 3, Data = new byte[] { 9 } } },
        { "echo-reply", new EchoReplyMessage { Xid = 3 } },
        { "features-request", new FeaturesRequestMessage { Xid = 4 } },
        { "features-reply", new FeaturesReplyMessage { Xid = 4, DatapathId = 1, Buffers = 256, Tables = 254, Capabilities = 0xc7, ReservedOrActions = 0xfff, Ports = [Port, Port with { PortNumber = 0xfffe, Name = "ofbr0" }] } },
        { "get-config", new GetConfigRequestMessage { Xid = 5 } },
        { "set-config", new SwitchConfigMessage { Xid = 6, IsSet = true, MissSendLength = 128 } },
        { "packet-in", new PacketInMessage { Xid = 0, BufferId = 0x100, TotalLength = 60, InPort = 2, Reason = 0, Data = Frame } },
        { "packet-out", new PacketOutMessage { Xid = 7, BufferId = 0x100, InPort = 2, Actions = [new OfOutputAction(0xfffb, 0)] } },
        {
            "flow-mod", new FlowModMessage
            {
                Xid = 8, Cookie = 3, Command = 0, IdleTimeout = 30, HardTimeout = 0, Priority = 100, BufferId = 0x100, OutPort = 0xffff, Flags = 1, Match = Match10,
                Instructions = [new ApplyActionsInstruction([new OfSetDlAddressAction(true, MacAddress.Parse("52:54:00:00:00:09")), new OfSetNwAddressAction(false, 0x0a00000b), new OfOutputAction(2, 0), new OfUnknownAction(3, new byte[] { 0, 3, 0, 8, 0, 0, 0, 0 })])],
            }
        },
        { "flow-mod-no-actions", new FlowModMessage { Xid = 9, Command = 3, OutPort = 0xffff, Match = new Of10Match() } },
        { "flow-removed", new FlowRemovedMessage { Xid = 0, Cookie = 3, Priority = 100, Reason = 0, DurationSeconds = 31, DurationNanoseconds = 5, IdleTimeout = 30, PacketCount = 4, ByteCount = 392, Match = Match10 } },
        { "port-status", new PortStatusMessage { Reason = 0, Port = Port } },
        { "barrier-request", new BarrierRequestMessage { Xid = 10 } },
        { "barrier-reply", new BarrierReplyMessage { Xid = 10 } },
        { "desc-request", new DescStatsRequest { Xid = 11 } },
        { "desc-reply", new DescStatsReply { Xid = 11, Manufacturer = "Nicira, Inc.", Hardware = "Open vSwitch", Software = "3.1.0", SerialNumber = "None", Datapath = "None" } },
        { "flow-request", new FlowStatsRequest { Xid = 12, TableId = 0xff, OutPort = 0xffff, Match = new Of10Match() } },
        { "aggregate-request", new FlowStatsRequest { Xid = 13, Aggregate = true, TableId = 0, OutPort = 0xffff, Match = Match10 } },
        { "flow-reply", new FlowStatsReply { Xid = 12, Flows = [new FlowStatsEntry { TableId = 0, DurationSeconds = 3, Priority = 100, IdleTimeout = 30, Cookie = 5, PacketCount = 10, ByteCount = 980, Match = Match10, Instructions = [new ApplyActionsInstruction([new OfOutputAction(2, 0)])] }, new FlowStatsEntry { Match = new Of10Match() }] } },
        { "aggregate-reply", new AggregateStatsReply { Xid = 13, PacketCount = 10, ByteCount = 980, FlowCount = 2 } },
        { "table-request", new TableStatsRequest { Xid = 14 } },
        { "table-reply", new TableStatsReply { Xid = 14, Tables = [new TableStatsEntry { TableId = 0, Name = "classifier", Wildcards = 0x3fffff, MaxEntries = 1_000_000, ActiveCount = 2, LookupCount = 40, MatchedCount = 38 }] } },
        { "port-stats-request", new PortStatsRequest { Xid = 15, PortNumber = 0xffff } },
        { "port-stats-reply", new PortStatsReply { Xid = 15, Ports = [new PortStatsEntry { PortNumber = 1, Counters = [.. Enumerable.Range(1, 12).Select(i => (ulong)i)] }] } },
        { "unknown-message", new UnknownMessage { Xid = 18, Type = 21, Body = new byte[] { 0, 0, 0, 2 } } },
    };

    [Theory]
    [MemberData(nameof(Of13Messages))]
    public void Of13_WriteReadWrite_SameBytes(string name, OfMessage message) => RoundTrip(OpenFlowDialect.V13, name, message);

    [Theory]
    [MemberData(nameof(Of10Messages))]
    public void Of10_WriteReadWrite_SameBytes(string name, OfMessage message) => RoundTrip(OpenFlowDialect.V10, name, message);

    private static void RoundTrip(OpenFlowDialect dialect, string name, OfMessage message)
    {
        var first = new byte[OpenFlowFraming.MaxMessageSize];
        var length = dialect.Write(message, first);
        var decoded = dialect.Read(first.AsMemory(0, length));
        Assert.Equal(message.GetType(), decoded.GetType());
        Assert.Equal(message.Xid, decoded.Xid);
        var second = new byte[OpenFlowFraming.MaxMessageSize];
        var length2 = dialect.Write(decoded, second);
        WireAssert.SameBytes(first.AsSpan(0, length), second.AsSpan(0, length2), name);
        Assert.Equal(dialect.Version, first[0]);
    }

    [Fact]
    public void Of13FlowMod_DecodedFields_AreThoseWritten()
    {
        var buffer = new byte[1024];
        var length = Of13Writer.Write(Of13Messages().Select(r => (OfMessage)r[1]).OfType<FlowModMessage>().Single(), buffer);
        var flowMod = Assert.IsType<FlowModMessage>(Of13Codec.Read(buffer.AsMemory(0, length)));
        Assert.Equal((ushort)100, flowMod.Priority);
        Assert.Equal((ushort)30, flowMod.IdleTimeout);
        Assert.Equal((ushort)300, flowMod.HardTimeout);
        Assert.Equal(5, flowMod.Instructions.Count);
        var apply = Assert.IsType<ApplyActionsInstruction>(flowMod.Instructions[0]);
        Assert.Equal(new OfOutputAction(2, 0xffff), apply.Actions[0]);
        Assert.IsType<OfUnknownAction>(apply.Actions[1]);
        Assert.Equal(new GotoTableInstruction(1), flowMod.Instructions[3]);
        var match = Of13Translator.ToPacketMatch(Assert.IsType<OxmMatch>(flowMod.Match));
        Assert.Equal(80, match.TpDst!.Value);
        Assert.Equal(System.Net.IPAddress.Parse("10.0.0.12"), match.Ipv4Dst);
    }

    [Fact]
    public void Of13Hello_FromSpecification_DecodesBitmap()
    {
        // Open vSwitch's hello when configured for OpenFlow10,OpenFlow13: version 4, one bitmap element 0x12.
        var hello = Assert.IsType<HelloMessage>(Of13Codec.Read(WireAssert.Hex("04 00 00 10 00 00 00 01 00 01 00 08 00 00 00 12")));
        Assert.Equal(0x12u, hello.VersionBitmap);
        Assert.Equal(OfVersion.V13, OfVersion.Negotiate(4, hello.VersionBitmap));
        Assert.Equal(OfVersion.V10, OfVersion.Negotiate(4, 0x02));
        Assert.Equal(OfVersion.V10, OfVersion.Negotiate(1, null));
        Assert.Equal(OfVersion.V13, OfVersion.Negotiate(6, null));
        Assert.Equal(0, OfVersion.Negotiate(3, null));
        Assert.Equal(0, OfVersion.Negotiate(6, 0x40));
    }
}
