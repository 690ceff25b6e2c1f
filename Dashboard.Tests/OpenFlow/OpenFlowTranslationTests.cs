using System.Net;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of10;
using SdnDashboard.Core.OpenFlow.Of13;

namespace SdnDashboard.Tests.OpenFlow;

public class OpenFlowTranslationTests
{
    private static readonly PacketMatch Full = new()
    {
        InPort = 3, EthSrc = MacAddress.Parse("52:54:00:00:01:01"), EthDst = MacAddress.Parse("52:54:00:00:01:02"), EthType = 0x0800,
        VlanId = 10, IpProto = 17, Ipv4Src = IPAddress.Parse("10.0.0.11"), Ipv4Dst = IPAddress.Parse("10.0.0.12"), TpSrc = 5353, TpDst = 53,
    };

    public static TheoryData<PacketMatch> Matches() => new()
    {
        PacketMatch.Any,
        new PacketMatch { InPort = 1, EthSrc = MacAddress.Parse("52:54:00:00:01:01"), EthDst = MacAddress.Parse("52:54:00:00:01:02") },
        Full,
        new PacketMatch { EthType = 0x0806, ArpTpa = IPAddress.Parse("10.0.0.100") },
        new PacketMatch { EthType = 0x0800, IpProto = 6, Ipv4Dst = IPAddress.Parse("10.0.0.100"), TpDst = 80 },
    };

    [Theory]
    [MemberData(nameof(Matches))]
    public void PacketMatch_ThroughOxm_ComesBackEqual(PacketMatch match) =>
        Assert.Equal(match, Of13Translator.ToPacketMatch(Of13Translator.ToOxmMatch(match)));

    [Theory]
    [MemberData(nameof(Matches))]
    public void PacketMatch_ThroughOf10Match_ComesBackEqual(PacketMatch match)
    {
        var wire = Of10Translator.ToOf10Match(match);
        Assert.Equal(match, Of10Translator.ToPacketMatch(wire));

        // The allocation-free writer used for flow-mods writes the same 40 bytes as the model writer.
        var direct = new byte[40];
        var model = new byte[40];
        Of10Translator.WriteMatch(match, direct);
        Of10Writer.WriteMatch(wire, model);
        WireAssert.SameBytes(model, direct, "ofp_match");
    }

    [Fact]
    public void Of10Match_Any_IsAllWildcards()
    {
        var wire = Of10Translator.ToOf10Match(PacketMatch.Any);
        Assert.Equal(0x3FFFFFu, wire.Wildcards);
        var learning = Of10Translator.ToOf10Match(new PacketMatch { InPort = 1, EthSrc = new MacAddress(1), EthDst = new MacAddress(2) });
        Assert.Equal(0x3FFFFFu & ~(1u | 4u | 8u), learning.Wildcards);
    }

    [Fact]
    public void Oxm_UdpPortsAndVlan_UseUdpFieldsAndPresentBit()
    {
        var reader = Of13Translator.ToOxmMatch(Full).GetReader();
        var fields = new List<(byte Field, string Value)>();
        while (reader.MoveNext())
        {
            fields.Add((reader.Field, Convert.ToHexString(reader.Value)));
        }

        Assert.Equal(
            [(0, "00000003"), (3, "525400000102"), (4, "525400000101"), (5, "0800"), (6, "100A"), (10, "11"), (11, "0A00000B"), (12, "0A00000C"), (15, "14E9"), (16, "0035")],
            fields);
    }

    [Theory]
    [InlineData(OfPorts.Flood, (ushort)0xfffb)]
    [InlineData(OfPorts.Controller, (ushort)0xfffd)]
    [InlineData(OfPorts.InPort, (ushort)0xfff8)]
    [InlineData(OfPorts.Local, (ushort)0xfffe)]
    [InlineData(OfPorts.Any, (ushort)0xffff)]
    [InlineData(7u, (ushort)7)]
    public void ReservedPorts_TranslateBothWays(uint port13, ushort port10)
    {
        Assert.Equal(port10, Of10Translator.ToWirePort(port13));
        Assert.Equal(port13, Of10Translator.FromWirePort(port10));
    }

    [Fact]
    public void Of10Port_AboveRange_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Of10Translator.ToWirePort(0x10000));

    [Fact]
    public void FlowModCommand_Of13_IsApplyActionsWithSetField()
    {
        var command = new FlowModCommandMessage(1)
        {
            Priority = 200, IdleTimeoutSeconds = 10, Cookie = 0xabc, BufferId = 77, SendFlowRemoved = true,
            Match = new PacketMatch { EthType = 0x0800, Ipv4Dst = IPAddress.Parse("10.0.0.100") },
            Actions = [new SetEthDstAction(MacAddress.Parse("52:54:00:00:02:01")), new SetIpv4DstAction(IPAddress.Parse("10.0.0.21")), new OutputAction(4)],
        };
        var buffer = new byte[512];
        var length = Of13Translator.WriteCommand(command, 42, buffer);
        var flowMod = Assert.IsType<FlowModMessage>(Of13Codec.Read(buffer.AsMemory(0, length)));
        Assert.Equal(42u, flowMod.Xid);
        Assert.Equal((ushort)200, flowMod.Priority);
        Assert.Equal(77u, flowMod.BufferId);
        Assert.Equal((ushort)1, flowMod.Flags);
        Assert.Equal(OfPorts.Any, flowMod.OutGroup);
        var apply = Assert.IsType<ApplyActionsInstruction>(Assert.Single(flowMod.Instructions));
        Assert.IsType<OfSetFieldAction>(apply.Actions[0]);
        Assert.Equal(command.Actions, Of13Translator.ToFlowActions(flowMod.Instructions));
        Assert.Equal(command.Match, Of13Translator.ToPacketMatch((OxmMatch)flowMod.Match));
    }

    [Fact]
    public void FlowModCommand_Of10_IsActionListWithSetDlAndSetNw()
    {
        var command = new FlowModCommandMessage(1)
        {
            Command = FlowModCommand.DeleteStrict, Priority = 200, OutPort = OfPorts.Any,
            Match = new PacketMatch { InPort = 1, EthType = 0x0800, Ipv4Dst = IPAddress.Parse("10.0.0.100") },
            Actions = [new SetEthDstAction(MacAddress.Parse("52:54:00:00:02:01")), new SetIpv4DstAction(IPAddress.Parse("10.0.0.21")), new OutputAction(OfPorts.InPort)],
        };
        var buffer = new byte[512];
        var length = Of10Translator.WriteCommand(command, 42, buffer);
        var flowMod = Assert.IsType<FlowModMessage>(Of10Codec.Read(buffer.AsMemory(0, length)));
        Assert.Equal((byte)4, flowMod.Command);
        Assert.Equal(0xffffu, flowMod.OutPort);
        var actions = Assert.IsType<ApplyActionsInstruction>(Assert.Single(flowMod.Instructions)).Actions;
        Assert.Equal(new OfSetDlAddressAction(true, MacAddress.Parse("52:54:00:00:02:01")), actions[0]);
        Assert.Equal(new OfSetNwAddressAction(true, 0x0a000015), actions[1]);
        Assert.Equal(new OfOutputAction(0xfff8, 0xffff), actions[2]);
        Assert.Equal(command.Actions, Of10Translator.ToFlowActions(flowMod.Instructions));
        Assert.Equal(command.Match, Of10Translator.ToPacketMatch((Of10Match)flowMod.Match));
    }

    [Fact]
    public void PacketIn_HotPathReader_AgreesWithModelReader()
    {
        byte[] frame = [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 3))];
        var buffer = new byte[256];
        var length13 = Of13Writer.Write(new PacketInMessage
        {
            Xid = 0, BufferId = 9, TotalLength = 64, Reason = 1, TableId = 2, Cookie = 3,
            Match = Of13Translator.ToOxmMatch(new PacketMatch { InPort = 5, EthType = 0x0800 }), Data = frame,
        }, buffer);
        var event13 = Of13Translator.ReadPacketIn(0x99, buffer.AsSpan(0, length13));
        Assert.Equal((0x99ul, 5u, 9u, PacketInReason.Action, (byte)2, 3ul, 64), (event13.DatapathId, event13.InPort, event13.BufferId, event13.Reason, event13.TableId, event13.Cookie, event13.TotalLength));
        Assert.Equal(frame, event13.Data.ToArray());

        var length10 = Of10Writer.Write(new PacketInMessage { BufferId = 9, TotalLength = 64, InPort = 0xfffe, Data = frame }, buffer);
        var event10 = Of10Translator.ReadPacketIn(0x99, buffer.AsSpan(0, length10));
        Assert.Equal(OfPorts.Local, event10.InPort);
        Assert.Equal(frame, event10.Data.ToArray());
    }
}
