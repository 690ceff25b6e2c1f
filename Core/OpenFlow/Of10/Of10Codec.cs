using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow.Messages;
using static SdnDashboard.Core.OpenFlow.WireSpan;

namespace SdnDashboard.Core.OpenFlow.Of10;

/// <summary>
/// OpenFlow 1.0 (wire version 0x01) messages to and from bytes. Sizes are those openflow.h of 1.0.0 asserts;
/// the tests assert them again. Payload memories in decoded messages are slices of the frame given.
/// </summary>
public static class Of10Codec
{
    public const int ErrorSize = 12;
    public const int SwitchFeaturesSize = 32;
    public const int PhyPortSize = 48;
    public const int SwitchConfigSize = 12;
    public const int MatchSize = 40;

    /// <summary>sizeof(struct ofp_packet_in) is 20 with alignment padding, but the frame starts at offset 18.</summary>
    public const int PacketInSize = 20;
    public const int PacketInDataOffset = 18;
    public const int PacketOutSize = 16;
    public const int FlowModSize = 72;
    public const int FlowRemovedSize = 88;
    public const int PortStatusSize = 64;
    public const int StatsHeaderSize = 12;
    public const int FlowStatsRequestSize = 44;
    public const int FlowStatsSize = 88;
    public const int AggregateStatsReplySize = 24;
    public const int TableStatsSize = 64;
    public const int PortStatsRequestSize = 8;
    public const int PortStatsSize = 104;
    public const int ActionHeaderSize = 8;
    public const int ActionOutputSize = 8;
    public const int ActionDlAddressSize = 16;
    public const int ActionNwAddressSize = 8;

    /// <summary>Decodes one whole message (header included).</summary>
    public static OfMessage Read(ReadOnlyMemory<byte> frame)
    {
        var s = frame.Span;
        var header = OfHeader.Read(s);
        if (header.Length != s.Length)
        {
            throw new OpenFlowException($"header length {header.Length} differs from the frame's {s.Length} bytes", 2);
        }

        var body = frame[OfHeader.Size..];
        var xid = header.Xid;
        return header.Type switch
        {
            Of10Type.Hello => new HelloMessage { Xid = xid },
            Of10Type.Error => ReadError(frame, xid),
            Of10Type.EchoRequest => new EchoRequestMessage { Xid = xid, Data = body },
            Of10Type.EchoReply => new EchoReplyMessage { Xid = xid, Data = body },
            Of10Type.FeaturesRequest => new FeaturesRequestMessage { Xid = xid },
            Of10Type.FeaturesReply => ReadFeaturesReply(s, xid),
            Of10Type.GetConfigRequest => new GetConfigRequestMessage { Xid = xid },
            Of10Type.GetConfigReply or Of10Type.SetConfig => ReadSwitchConfig(s, xid, header.Type == Of10Type.SetConfig),
            Of10Type.PacketIn => ReadPacketIn(frame, xid),
            Of10Type.PacketOut => ReadPacketOut(frame, xid),
            Of10Type.FlowMod => ReadFlowMod(frame, xid),
            Of10Type.FlowRemoved => ReadFlowRemoved(s, xid),
            Of10Type.PortStatus => ReadPortStatus(s, xid),
            Of10Type.StatsRequest => ReadStatsRequest(frame, xid),
            Of10Type.StatsReply => ReadStatsReply(frame, xid),
            Of10Type.BarrierRequest => new BarrierRequestMessage { Xid = xid },
            Of10Type.BarrierReply => new BarrierReplyMessage { Xid = xid },
            _ => new UnknownMessage { Xid = xid, Type = header.Type, Body = body },
        };
    }

    private static ErrorMessage ReadError(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, ErrorSize, 0, "ofp_error_msg");
        return new ErrorMessage { Xid = xid, Type = U16(s, 8), Code = U16(s, 10), Data = frame[ErrorSize..] };
    }

    private static FeaturesReplyMessage ReadFeaturesReply(ReadOnlySpan<byte> s, uint xid)
    {
        Need(s.Length, SwitchFeaturesSize, 0, "ofp_switch_features");
        var ports = new List<OfPort>((s.Length - SwitchFeaturesSize) / PhyPortSize);
        for (var p = SwitchFeaturesSize; p + PhyPortSize <= s.Length; p += PhyPortSize)
        {
            ports.Add(ReadPhyPort(s[p..]));
        }

        return new FeaturesReplyMessage
        {
            Xid = xid, DatapathId = U64(s, 8), Buffers = U32(s, 16), Tables = s[20], Capabilities = U32(s, 24),
            ReservedOrActions = U32(s, 28), Ports = ports,
        };
    }

    /// <summary>Reads a 48-byte <c>ofp_phy_port</c>.</summary>
    public static OfPort ReadPhyPort(ReadOnlySpan<byte> s) => new()
    {
        PortNumber = U16(s, 0), HardwareAddress = MacAddress.Read(s[2..]), Name = ReadString(s.Slice(8, 16)),
        Config = U32(s, 24), State = U32(s, 28), Current = U32(s, 32), Advertised = U32(s, 36), Supported = U32(s, 40),
        Peer = U32(s, 44),
    };

    private static SwitchConfigMessage ReadSwitchConfig(ReadOnlySpan<byte> s, uint xid, bool isSet)
    {
        Need(s.Length, SwitchConfigSize, 0, "ofp_switch_config");
        return new SwitchConfigMessage { Xid = xid, IsSet = isSet, Flags = U16(s, 8), MissSendLength = U16(s, 10) };
    }

    /// <summary>Reads the 40-byte <c>ofp_match</c> at <paramref name="offset"/>.</summary>
    public static Of10Match ReadMatch(ReadOnlySpan<byte> s, int offset)
    {
        Need(s.Length - offset, MatchSize, offset, "ofp_match");
        var m = s.Slice(offset, MatchSize);
        return new Of10Match
        {
            Wildcards = U32(m, 0), InPort = U16(m, 4), DlSrc = MacAddress.Read(m[6..]).Value, DlDst = MacAddress.Read(m[12..]).Value,
            DlVlan = U16(m, 18), DlVlanPcp = m[20], DlType = U16(m, 22), NwTos = m[24], NwProto = m[25], NwSrc = U32(m, 28),
            NwDst = U32(m, 32), TpSrc = U16(m, 36), TpDst = U16(m, 38),
        };
    }

    private static PacketInMessage ReadPacketIn(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, PacketInDataOffset, 0, "ofp_packet_in");
        return new PacketInMessage
        {
            Xid = xid, BufferId = U32(s, 8), TotalLength = U16(s, 12), InPort = U16(s, 14), Reason = s[16],
            Data = frame[PacketInDataOffset..],
        };
    }

    private static PacketOutMessage ReadPacketOut(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, PacketOutSize, 0, "ofp_packet_out");
        int actionsLength = U16(s, 14);
        Need(s.Length - PacketOutSize, actionsLength, 14, "packet-out actions");
        return new PacketOutMessage
        {
            Xid = xid, BufferId = U32(s, 8), InPort = U16(s, 12),
            Actions = ReadActions(frame.Slice(PacketOutSize, actionsLength), PacketOutSize),
            Data = frame[(PacketOutSize + actionsLength)..],
        };
    }

    private static IReadOnlyList<OfInstruction> AsInstructions(IReadOnlyList<OfAction> actions) =>
        actions.Count == 0 ? [] : [new ApplyActionsInstruction(actions)];

    private static FlowModMessage ReadFlowMod(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, FlowModSize, 0, "ofp_flow_mod");
        return new FlowModMessage
        {
            Xid = xid, Match = ReadMatch(s, 8), Cookie = U64(s, 48), Command = (byte)U16(s, 56), IdleTimeout = U16(s, 58),
            HardTimeout = U16(s, 60), Priority = U16(s, 62), BufferId = U32(s, 64), OutPort = U16(s, 68), Flags = U16(s, 70),
            Instructions = AsInstructions(ReadActions(frame[FlowModSize..], FlowModSize)),
        };
    }

    private static FlowRemovedMessage ReadFlowRemoved(ReadOnlySpan<byte> s, uint xid)
    {
        Need(s.Length, FlowRemovedSize, 0, "ofp_flow_removed");
        return new FlowRemovedMessage
        {
            Xid = xid, Match = ReadMatch(s, 8), Cookie = U64(s, 48), Priority = U16(s, 56), Reason = s[58], DurationSeconds = U32(s, 60),
            DurationNanoseconds = U32(s, 64), IdleTimeout = U16(s, 68), PacketCount = U64(s, 72), ByteCount = U64(s, 80),
        };
    }

    private static PortStatusMessage ReadPortStatus(ReadOnlySpan<byte> s, uint xid)
    {
        Need(s.Length, PortStatusSize, 0, "ofp_port_status");
        return new PortStatusMessage { Xid = xid, Reason = s[8], Port = ReadPhyPort(s[16..]) };
    }

    /// <summary>Reads an action list; <paramref name="baseOffset"/> only places errors in the message.</summary>
    public static IReadOnlyList<OfAction> ReadActions(ReadOnlyMemory<byte> actions, int baseOffset)
    {
        var s = actions.Span;
        if (s.Length == 0)
        {
            return [];
        }

        var list = new List<OfAction>(2);
        var p = 0;
        while (p < s.Length)
        {
            Need(s.Length - p, ActionHeaderSize, baseOffset + p, "action header");
            var type = U16(s, p);
            int length = U16(s, p + 2);
            if (length < ActionHeaderSize || length % 8 != 0 || length > s.Length - p)
            {
                throw new OpenFlowException($"action length {length} does not fit", baseOffset + p + 2);
            }

            list.Add(type switch
            {
                Of10Type.ActionOutput => new OfOutputAction(U16(s, p + 4), U16(s, p + 6)),
                Of10Type.ActionSetDlSrc or Of10Type.ActionSetDlDst when length >= ActionDlAddressSize =>
                    new OfSetDlAddressAction(type == Of10Type.ActionSetDlDst, MacAddress.Read(s[(p + 4)..])),
                Of10Type.ActionSetNwSrc or Of10Type.ActionSetNwDst => new OfSetNwAddressAction(type == Of10Type.ActionSetNwDst, U32(s, p + 4)),
                _ => new OfUnknownAction(type, actions.Slice(p, length)),
            });
            p += length;
        }

        return list;
    }

    private static MultipartRequestMessage ReadStatsRequest(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, StatsHeaderSize, 0, "ofp_stats_request");
        var type = U16(s, 8);
        var flags = U16(s, 10);
        switch (type)
        {
            case Of10Type.StatsDesc:
                return new DescStatsRequest { Xid = xid, Flags = flags };
            case Of10Type.StatsTable:
                return new TableStatsRequest { Xid = xid, Flags = flags };
            case Of10Type.StatsPort:
                Need(s.Length - StatsHeaderSize, PortStatsRequestSize, StatsHeaderSize, "ofp_port_stats_request");
                return new PortStatsRequest { Xid = xid, Flags = flags, PortNumber = U16(s, 12) };
            case Of10Type.StatsFlow or Of10Type.StatsAggregate:
                Need(s.Length - StatsHeaderSize, FlowStatsRequestSize, StatsHeaderSize, "ofp_flow_stats_request");
                return new FlowStatsRequest
                {
                    Xid = xid, Flags = flags, Aggregate = type == Of10Type.StatsAggregate, Match = ReadMatch(s, 12), TableId = s[52],
                    OutPort = U16(s, 54),
                };
            default:
                return new UnknownMultipartRequest { Xid = xid, Flags = flags, Type = type, Body = frame[StatsHeaderSize..] };
        }
    }

    private static MultipartReplyMessage ReadStatsReply(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, StatsHeaderSize, 0, "ofp_stats_reply");
        var type = U16(s, 8);
        var flags = U16(s, 10);
        var body = frame[StatsHeaderSize..];
        var b = body.Span;
        switch (type)
        {
            case Of10Type.StatsDesc:
                Need(b.Length, DescStatsReply.BodySize, StatsHeaderSize, "ofp_desc_stats");
                return StatsBodies.ReadDesc(b, xid, flags);
            case Of10Type.StatsFlow:
                return new FlowStatsReply { Xid = xid, Flags = flags, Flows = ReadFlowStats(body) };
            case Of10Type.StatsAggregate:
                Need(b.Length, AggregateStatsReplySize, StatsHeaderSize, "ofp_aggregate_stats_reply");
                return StatsBodies.ReadAggregate(b, xid, flags);
            case Of10Type.StatsTable:
                StatsBodies.WholeEntries(b.Length, TableStatsSize, StatsHeaderSize, "table stats");
                var tables = new List<TableStatsEntry>(b.Length / TableStatsSize);
                for (var p = 0; p + TableStatsSize <= b.Length; p += TableStatsSize)
                {
                    tables.Add(new TableStatsEntry
                    {
                        TableId = b[p], Name = ReadString(b.Slice(p + 4, 32)), Wildcards = U32(b, p + 36), MaxEntries = U32(b, p + 40),
                        ActiveCount = U32(b, p + 44), LookupCount = U64(b, p + 48), MatchedCount = U64(b, p + 56),
                    });
                }

                return new TableStatsReply { Xid = xid, Flags = flags, Tables = tables };
            case Of10Type.StatsPort:
                StatsBodies.WholeEntries(b.Length, PortStatsSize, StatsHeaderSize, "port stats");
                var ports = new List<PortStatsEntry>(b.Length / PortStatsSize);
                for (var p = 0; p + PortStatsSize <= b.Length; p += PortStatsSize)
                {
                    ports.Add(new PortStatsEntry { PortNumber = U16(b, p), Counters = StatsBodies.ReadPortCounters(b, p + 8) });
                }

                return new PortStatsReply { Xid = xid, Flags = flags, Ports = ports };
            default:
                return new UnknownMultipartReply { Xid = xid, Flags = flags, Type = type, Body = body };
        }
    }

    private static List<FlowStatsEntry> ReadFlowStats(ReadOnlyMemory<byte> body)
    {
        var b = body.Span;
        var flows = new List<FlowStatsEntry>();
        var p = 0;
        while (p < b.Length)
        {
            Need(b.Length - p, FlowStatsSize, StatsHeaderSize + p, "ofp_flow_stats");
            int length = U16(b, p);
            if (length < FlowStatsSize || length > b.Length - p)
            {
                throw new OpenFlowException($"flow stats length {length} does not fit", StatsHeaderSize + p);
            }

            var e = b.Slice(p, length);
            flows.Add(new FlowStatsEntry
            {
                TableId = e[2], Match = ReadMatch(e, 4), DurationSeconds = U32(e, 44), DurationNanoseconds = U32(e, 48), Priority = U16(e, 52),
                IdleTimeout = U16(e, 54), HardTimeout = U16(e, 56), Cookie = U64(e, 64), PacketCount = U64(e, 72), ByteCount = U64(e, 80),
                Instructions = AsInstructions(ReadActions(body.Slice(p + FlowStatsSize, length - FlowStatsSize), StatsHeaderSize + p + FlowStatsSize)),
            });
            p += length;
        }

        return flows;
    }
}
