using SdnDashboard.Core.Control;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of10;
using SdnDashboard.Core.OpenFlow.Of13;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>
/// The struct sizes the specifications assert (OFP_ASSERT in openflow.h of 1.3.5 and 1.0.0), and that the
/// writers produce exactly those sizes for the minimal message.
/// </summary>
public class OpenFlowSizeTests
{
    [Fact]
    public void Of13Constants_MatchSpecification()
    {
        Assert.Equal(8, OfHeader.Size);
        Assert.Equal(12, Of13Codec.ErrorSize);
        Assert.Equal(32, Of13Codec.SwitchFeaturesSize);
        Assert.Equal(12, Of13Codec.SwitchConfigSize);
        Assert.Equal(8, Of13Codec.MatchSize);
        Assert.Equal(32, Of13Codec.PacketInSize);
        Assert.Equal(24, Of13Codec.PacketOutSize);
        Assert.Equal(56, Of13Codec.FlowModSize);
        Assert.Equal(56, Of13Codec.FlowRemovedSize);
        Assert.Equal(64, Of13Codec.PortSize);
        Assert.Equal(80, Of13Codec.PortStatusSize);
        Assert.Equal(16, Of13Codec.MultipartHeaderSize);
        Assert.Equal(40, Of13Codec.FlowStatsRequestSize);
        Assert.Equal(56, Of13Codec.FlowStatsSize);
        Assert.Equal(24, Of13Codec.AggregateStatsReplySize);
        Assert.Equal(24, Of13Codec.TableStatsSize);
        Assert.Equal(112, Of13Codec.PortStatsSize);
        Assert.Equal(8, Of13Codec.PortStatsRequestSize);
        Assert.Equal(16, Of13Codec.ActionOutputSize);
        Assert.Equal(8, Of13Codec.InstructionActionsSize);
        Assert.Equal(1056, DescStatsReply.BodySize);
    }

    [Fact]
    public void Of10Constants_MatchSpecification()
    {
        Assert.Equal(40, Of10Codec.MatchSize);
        Assert.Equal(48, Of10Codec.PhyPortSize);
        Assert.Equal(32, Of10Codec.SwitchFeaturesSize);
        Assert.Equal(20, Of10Codec.PacketInSize);
        Assert.Equal(16, Of10Codec.PacketOutSize);
        Assert.Equal(72, Of10Codec.FlowModSize);
        Assert.Equal(88, Of10Codec.FlowRemovedSize);
        Assert.Equal(64, Of10Codec.PortStatusSize);
        Assert.Equal(12, Of10Codec.StatsHeaderSize);
        Assert.Equal(44, Of10Codec.FlowStatsRequestSize);
        Assert.Equal(88, Of10Codec.FlowStatsSize);
        Assert.Equal(64, Of10Codec.TableStatsSize);
        Assert.Equal(104, Of10Codec.PortStatsSize);
        Assert.Equal(8, Of10Codec.PortStatsRequestSize);
        Assert.Equal(24, Of10Codec.AggregateStatsReplySize);
        Assert.Equal(8, Of10Codec.ActionOutputSize);
        Assert.Equal(16, Of10Codec.ActionDlAddressSize);
    }

    public static TheoryData<byte, OfMessage, int> MinimalMessages()
    {
        var port = new OfPort { PortNumber = 1, Name = "p1" };
        return new()
        {
            { OfVersion.V13, new FlowModMessage { Match = OxmMatch.Empty }, Of13Codec.FlowModSize },
            { OfVersion.V13, new FlowRemovedMessage { Match = OxmMatch.Empty }, Of13Codec.FlowRemovedSize },
            { OfVersion.V13, new PacketOutMessage(), Of13Codec.PacketOutSize },
            { OfVersion.V13, new PacketInMessage(), Of13Codec.PacketInSize + 2 },
            { OfVersion.V13, new PortStatusMessage { Port = port }, Of13Codec.PortStatusSize },
            { OfVersion.V13, new FeaturesReplyMessage(), Of13Codec.SwitchFeaturesSize },
            { OfVersion.V13, new FlowStatsRequest { Match = OxmMatch.Empty }, Of13Codec.MultipartHeaderSize + Of13Codec.FlowStatsRequestSize },
            { OfVersion.V13, new SwitchConfigMessage { IsSet = true }, Of13Codec.SwitchConfigSize },
            { OfVersion.V13, new DescStatsRequest(), Of13Codec.MultipartHeaderSize },
            { OfVersion.V13, new DescStatsReply(), Of13Codec.MultipartHeaderSize + DescStatsReply.BodySize },
            { OfVersion.V13, new FlowStatsRequest { Aggregate = true, Match = OxmMatch.Empty }, Of13Codec.MultipartHeaderSize + Of13Codec.FlowStatsRequestSize },
            { OfVersion.V13, new AggregateStatsReply(), Of13Codec.MultipartHeaderSize + Of13Codec.AggregateStatsReplySize },
            { OfVersion.V13, new TableStatsReply { Tables = [new TableStatsEntry()] }, Of13Codec.MultipartHeaderSize + Of13Codec.TableStatsSize },
            { OfVersion.V13, new PortStatsRequest(), Of13Codec.MultipartHeaderSize + Of13Codec.PortStatsRequestSize },
            { OfVersion.V13, new PortStatsReply { Ports = [new PortStatsEntry()] }, Of13Codec.MultipartHeaderSize + Of13Codec.PortStatsSize },
            { OfVersion.V10, new FlowModMessage { Match = new Of10Match() }, Of10Codec.FlowModSize },
            { OfVersion.V10, new FlowRemovedMessage { Match = new Of10Match() }, Of10Codec.FlowRemovedSize },
            { OfVersion.V10, new PacketOutMessage(), Of10Codec.PacketOutSize },
            { OfVersion.V10, new PacketInMessage(), Of10Codec.PacketInDataOffset },
            { OfVersion.V10, new PortStatusMessage { Port = port }, Of10Codec.PortStatusSize },
            { OfVersion.V10, new FeaturesReplyMessage { Ports = [port] }, Of10Codec.SwitchFeaturesSize + Of10Codec.PhyPortSize },
            { OfVersion.V10, new FlowStatsRequest { Match = new Of10Match() }, Of10Codec.StatsHeaderSize + Of10Codec.FlowStatsRequestSize },
            { OfVersion.V10, new DescStatsRequest(), Of10Codec.StatsHeaderSize },
            { OfVersion.V10, new DescStatsReply(), Of10Codec.StatsHeaderSize + DescStatsReply.BodySize },
            { OfVersion.V10, new FlowStatsRequest { Aggregate = true, Match = new Of10Match() }, Of10Codec.StatsHeaderSize + Of10Codec.FlowStatsRequestSize },
            { OfVersion.V10, new AggregateStatsReply(), Of10Codec.StatsHeaderSize + Of10Codec.AggregateStatsReplySize },
            { OfVersion.V10, new TableStatsReply { Tables = [new TableStatsEntry()] }, Of10Codec.StatsHeaderSize + Of10Codec.TableStatsSize },
            { OfVersion.V10, new PortStatsRequest(), Of10Codec.StatsHeaderSize + Of10Codec.PortStatsRequestSize },
            { OfVersion.V10, new PortStatsReply { Ports = [new PortStatsEntry()] }, Of10Codec.StatsHeaderSize + Of10Codec.PortStatsSize },
        };
    }

    [Theory]
    [MemberData(nameof(MinimalMessages))]
    public void Write_MinimalMessage_HasSpecificationSize(byte version, OfMessage message, int size)
    {
        var buffer = new byte[OpenFlowFraming.MaxMessageSize];
        Assert.Equal(size, OpenFlowDialect.For(version).Write(message, buffer));
    }

    [Fact]
    public void CommandLength_AgreesWithWrittenLength()
    {
        var flowMod = new FlowModCommandMessage(1)
        {
            Match = new PacketMatch { InPort = 1, EthSrc = new(0x525400000001), EthDst = new(0x525400000002) },
            Actions = [new OutputAction(2), new SetEthDstAction(new(0x525400000003))],
        };
        var packetOut = new PacketOutCommand(1) { Actions = [new OutputAction(OfPorts.Flood)], Data = new byte[60] };
        var buffer = new byte[OpenFlowFraming.MaxMessageSize];
        foreach (var dialect in new[] { OpenFlowDialect.V13, OpenFlowDialect.V10 })
        {
            foreach (SwitchCommand command in new SwitchCommand[] { flowMod, packetOut, new BarrierCommand(1) })
            {
                Assert.Equal(dialect.CommandLength(command), dialect.WriteCommand(command, 7, buffer));
            }
        }
    }
}
