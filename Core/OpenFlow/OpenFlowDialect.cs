using SdnDashboard.Core.Control;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of10;
using SdnDashboard.Core.OpenFlow.Of13;

namespace SdnDashboard.Core.OpenFlow;

/// <summary>
/// One negotiated wire version, as the connection layer needs it: decode and encode messages, write control
/// commands, turn switch messages into control events. Pick with <see cref="For"/>.
/// </summary>
public abstract class OpenFlowDialect
{
    public static readonly OpenFlowDialect V13 = new Of13Dialect();

    public static readonly OpenFlowDialect V10 = new Of10Dialect();

    public abstract byte Version { get; }

    /// <summary>Type code of packet-in (10 in both versions), for the hot path that skips the message model.</summary>
    public byte PacketInType => Of13Type.PacketIn;

    /// <summary>1.0 lists ports in the features reply; 1.3 needs a port-desc request.</summary>
    public abstract bool PortsInFeaturesReply { get; }

    public static OpenFlowDialect For(byte version) => version switch
    {
        OfVersion.V13 => V13,
        OfVersion.V10 => V10,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "only OpenFlow 1.0 and 1.3 are spoken"),
    };

    public abstract OfMessage Read(ReadOnlyMemory<byte> frame);

    public abstract int Write(OfMessage message, Span<byte> destination);

    public abstract int CommandLength(SwitchCommand command);

    public abstract int WriteCommand(SwitchCommand command, uint xid, Span<byte> destination);

    public abstract PacketIn ReadPacketIn(ulong datapathId, ReadOnlySpan<byte> frame);

    public abstract FlowRemoved ToFlowRemoved(ulong datapathId, FlowRemovedMessage message);

    public abstract SwitchPort ToSwitchPort(OfPort port);

    public abstract PacketMatch ToPacketMatch(OfMatch match);

    public abstract IReadOnlyList<FlowAction> ToFlowActions(IReadOnlyList<OfInstruction> instructions);

    /// <summary>A flow-stats request for every flow of every table.</summary>
    public abstract FlowStatsRequest AllFlowsRequest(uint xid);

    private sealed class Of13Dialect : OpenFlowDialect
    {
        public override byte Version => OfVersion.V13;

        public override bool PortsInFeaturesReply => false;

        public override OfMessage Read(ReadOnlyMemory<byte> frame) => Of13Codec.Read(frame);

        public override int Write(OfMessage message, Span<byte> destination) => Of13Writer.Write(message, destination);

        public override int CommandLength(SwitchCommand command) => Of13Translator.CommandLength(command);

        public override int WriteCommand(SwitchCommand command, uint xid, Span<byte> destination) =>
            Of13Translator.WriteCommand(command, xid, destination);

        public override PacketIn ReadPacketIn(ulong datapathId, ReadOnlySpan<byte> frame) => Of13Translator.ReadPacketIn(datapathId, frame);

        public override FlowRemoved ToFlowRemoved(ulong datapathId, FlowRemovedMessage message) =>
            Of13Translator.ToFlowRemoved(datapathId, message);

        public override SwitchPort ToSwitchPort(OfPort port) => Of13Translator.ToSwitchPort(port);

        public override PacketMatch ToPacketMatch(OfMatch match) => Of13Translator.ToPacketMatch((OxmMatch)match);

        public override IReadOnlyList<FlowAction> ToFlowActions(IReadOnlyList<OfInstruction> instructions) =>
            Of13Translator.ToFlowActions(instructions);

        public override FlowStatsRequest AllFlowsRequest(uint xid) =>
            new() { Xid = xid, TableId = 0xFF, OutPort = OfPorts.Any, OutGroup = OfPorts.Any, Match = OxmMatch.Empty };
    }

    private sealed class Of10Dialect : OpenFlowDialect
    {
        public override byte Version => OfVersion.V10;

        public override bool PortsInFeaturesReply => true;

        public override OfMessage Read(ReadOnlyMemory<byte> frame) => Of10Codec.Read(frame);

        public override int Write(OfMessage message, Span<byte> destination) => Of10Writer.Write(message, destination);

        public override int CommandLength(SwitchCommand command) => Of10Translator.CommandLength(command);

        public override int WriteCommand(SwitchCommand command, uint xid, Span<byte> destination) =>
            Of10Translator.WriteCommand(command, xid, destination);

        public override PacketIn ReadPacketIn(ulong datapathId, ReadOnlySpan<byte> frame) => Of10Translator.ReadPacketIn(datapathId, frame);

        public override FlowRemoved ToFlowRemoved(ulong datapathId, FlowRemovedMessage message) =>
            Of10Translator.ToFlowRemoved(datapathId, message);

        public override SwitchPort ToSwitchPort(OfPort port) => Of10Translator.ToSwitchPort(port);

        public override PacketMatch ToPacketMatch(OfMatch match) => Of10Translator.ToPacketMatch((Of10Match)match);

        public override IReadOnlyList<FlowAction> ToFlowActions(IReadOnlyList<OfInstruction> instructions) =>
            Of10Translator.ToFlowActions(instructions);

        public override FlowStatsRequest AllFlowsRequest(uint xid) =>
            new() { Xid = xid, TableId = 0xFF, OutPort = Of10Type.PortNone, Match = new Of10Match() };
    }
}
