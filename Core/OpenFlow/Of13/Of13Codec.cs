using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow.Messages;
using static SdnDashboard.Core.OpenFlow.WireSpan;

namespace SdnDashboard.Core.OpenFlow.Of13;

/// <summary>
/// OpenFlow 1.3 (wire version 0x04) messages to and from bytes. Sizes are those the specification asserts
/// for each struct (openflow.h of 1.3.5); the tests assert them again. Payload memories in decoded messages
/// are slices of the frame given, not copies.
/// </summary>
public static class Of13Codec
{
    /// <summary>sizeof(struct ofp_hello_elem_versionbitmap) with one bitmap word.</summary>
    public const int HelloVersionBitmapSize = 8;
    public const int ErrorSize = 12;
    public const int SwitchFeaturesSize = 32;
    public const int SwitchConfigSize = 12;

    /// <summary>sizeof(struct ofp_match): type, length and 4 bytes of padding (an empty OXM match).</summary>
    public const int MatchSize = 8;
    public const int MatchHeaderSize = 4;
    public const int OxmHeaderSize = 4;

    /// <summary>sizeof(struct ofp_packet_in), which counts an empty 8-byte match (data follows 2 pad bytes after the real match).</summary>
    public const int PacketInSize = 32;
    public const int PacketOutSize = 24;
    public const int FlowModSize = 56;
    public const int FlowRemovedSize = 56;
    public const int PortSize = 64;
    public const int PortStatusSize = 80;
    public const int MultipartHeaderSize = 16;
    public const int FlowStatsRequestSize = 40;
    public const int FlowStatsSize = 56;
    public const int AggregateStatsReplySize = 24;
    public const int TableStatsSize = 24;
    public const int PortStatsRequestSize = 8;
    public const int PortStatsSize = 112;
    public const int InstructionActionsSize = 8;
    public const int InstructionGotoTableSize = 8;
    public const int ActionHeaderSize = 8;
    public const int ActionOutputSize = 16;

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
            Of13Type.Hello => ReadHello(s, xid),
            Of13Type.Error => ReadError(frame, xid),
            Of13Type.EchoRequest => new EchoRequestMessage { Xid = xid, Data = body },
            Of13Type.EchoReply => new EchoReplyMessage { Xid = xid, Data = body },
            Of13Type.FeaturesRequest => new FeaturesRequestMessage { Xid = xid },
            Of13Type.FeaturesReply => ReadFeaturesReply(s, xid),
            Of13Type.GetConfigRequest => new GetConfigRequestMessage { Xid = xid },
            Of13Type.GetConfigReply or Of13Type.SetConfig => ReadSwitchConfig(s, xid, header.Type == Of13Type.SetConfig),
            Of13Type.PacketIn => ReadPacketIn(frame, xid),
            Of13Type.PacketOut => ReadPacketOut(frame, xid),
            Of13Type.FlowMod => ReadFlowMod(frame, xid),
            Of13Type.FlowRemoved => ReadFlowRemoved(frame, xid),
            Of13Type.PortStatus => ReadPortStatus(s, xid),
            Of13Type.MultipartRequest => ReadMultipartRequest(frame, xid),
            Of13Type.MultipartReply => ReadMultipartReply(frame, xid),
            Of13Type.BarrierRequest => new BarrierRequestMessage { Xid = xid },
            Of13Type.BarrierReply => new BarrierReplyMessage { Xid = xid },
            _ => new UnknownMessage { Xid = xid, Type = header.Type, Body = body },
        };
    }

    private static HelloMessage ReadHello(ReadOnlySpan<byte> s, uint xid)
    {
        uint? bitmap = null;
        var p = OfHeader.Size;
        while (s.Length - p >= 4)
        {
            var type = U16(s, p);
            var length = U16(s, p + 2);
            if (length < 4 || p + length > s.Length)
            {
                throw new OpenFlowException($"hello element length {length} does not fit", p);
            }

            if (type == 1 && length >= 8)
            {
                bitmap = U32(s, p + 4);
            }

            p += Pad8(length);
        }

        return new HelloMessage { Xid = xid, VersionBitmap = bitmap };
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
        return new FeaturesReplyMessage
        {
            Xid = xid, DatapathId = U64(s, 8), Buffers = U32(s, 16), Tables = s[20], AuxiliaryId = s[21],
            Capabilities = U32(s, 24), ReservedOrActions = U32(s, 28),
        };
    }

    private static SwitchConfigMessage ReadSwitchConfig(ReadOnlySpan<byte> s, uint xid, bool isSet)
    {
        Need(s.Length, SwitchConfigSize, 0, "ofp_switch_config");
        return new SwitchConfigMessage { Xid = xid, IsSet = isSet, Flags = U16(s, 8), MissSendLength = U16(s, 10) };
    }

    /// <summary>Reads an <c>ofp_match</c> at <paramref name="offset"/>; returns it and its padded length.</summary>
    public static OxmMatch ReadMatch(ReadOnlyMemory<byte> frame, int offset, out int paddedLength)
    {
        var s = frame.Span;
        Need(s.Length - offset, MatchHeaderSize, offset, "ofp_match");
        var type = U16(s, offset);
        int length = U16(s, offset + 2);
        if (type != 1)
        {
            throw new OpenFlowException($"match type {type} is not OXM (1)", offset);
        }

        paddedLength = Pad8(length);
        if (length < MatchHeaderSize || s.Length - offset < paddedLength)
        {
            throw new OpenFlowException($"match length {length} does not fit", offset + 2);
        }

        var fields = frame.Slice(offset + MatchHeaderSize, length - MatchHeaderSize);
        var reader = new OxmReader(fields.Span, offset + MatchHeaderSize);
        while (reader.MoveNext())
        {
            // Walking validates every TLV length against the match.
        }

        return fields.Length == 0 ? OxmMatch.Empty : new OxmMatch(fields);
    }

    private static PacketInMessage ReadPacketIn(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, PacketInSize, 0, "ofp_packet_in");
        var match = ReadMatch(frame, 24, out var matchLength);
        var dataOffset = 24 + matchLength + 2;
        Need(s.Length, dataOffset, 24 + matchLength, "packet-in padding");
        return new PacketInMessage
        {
            Xid = xid, BufferId = U32(s, 8), TotalLength = U16(s, 12), Reason = s[14], TableId = s[15], Cookie = U64(s, 16),
            Match = match, Data = frame[dataOffset..],
        };
    }

    private static PacketOutMessage ReadPacketOut(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, PacketOutSize, 0, "ofp_packet_out");
        int actionsLength = U16(s, 16);
        Need(s.Length - PacketOutSize, actionsLength, 16, "packet-out actions");
        return new PacketOutMessage
        {
            Xid = xid, BufferId = U32(s, 8), InPort = U32(s, 12),
            Actions = ReadActions(frame.Slice(PacketOutSize, actionsLength), PacketOutSize),
            Data = frame[(PacketOutSize + actionsLength)..],
        };
    }

    private static FlowModMessage ReadFlowMod(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, FlowModSize, 0, "ofp_flow_mod");
        var match = ReadMatch(frame, 48, out var matchLength);
        return new FlowModMessage
        {
            Xid = xid, Cookie = U64(s, 8), CookieMask = U64(s, 16), TableId = s[24], Command = s[25], IdleTimeout = U16(s, 26),
            HardTimeout = U16(s, 28), Priority = U16(s, 30), BufferId = U32(s, 32), OutPort = U32(s, 36), OutGroup = U32(s, 40),
            Flags = U16(s, 44), Match = match, Instructions = ReadInstructions(frame[(48 + matchLength)..], 48 + matchLength),
        };
    }

    private static FlowRemovedMessage ReadFlowRemoved(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, FlowRemovedSize, 0, "ofp_flow_removed");
        return new FlowRemovedMessage
        {
            Xid = xid, Cookie = U64(s, 8), Priority = U16(s, 16), Reason = s[18], TableId = s[19], DurationSeconds = U32(s, 20),
            DurationNanoseconds = U32(s, 24), IdleTimeout = U16(s, 28), HardTimeout = U16(s, 30), PacketCount = U64(s, 32),
            ByteCount = U64(s, 40), Match = ReadMatch(frame, 48, out _),
        };
    }

    private static PortStatusMessage ReadPortStatus(ReadOnlySpan<byte> s, uint xid)
    {
        Need(s.Length, PortStatusSize, 0, "ofp_port_status");
        return new PortStatusMessage { Xid = xid, Reason = s[8], Port = ReadPort(s[16..]) };
    }

    /// <summary>Reads a 64-byte <c>ofp_port</c>.</summary>
    public static OfPort ReadPort(ReadOnlySpan<byte> s) => new()
    {
        PortNumber = U32(s, 0), HardwareAddress = MacAddress.Read(s[8..]), Name = ReadString(s.Slice(16, 16)),
        Config = U32(s, 32), State = U32(s, 36), Current = U32(s, 40), Advertised = U32(s, 44), Supported = U32(s, 48),
        Peer = U32(s, 52), CurrentSpeed = U32(s, 56), MaxSpeed = U32(s, 60),
    };

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
                Of13Type.ActionOutput when length >= ActionOutputSize => new OfOutputAction(U32(s, p + 4), U16(s, p + 8)),
                Of13Type.ActionSetField => ReadSetField(actions.Slice(p, length), baseOffset + p),
                _ => new OfUnknownAction(type, actions.Slice(p, length)),
            });
            p += length;
        }

        return list;
    }

    private static OfSetFieldAction ReadSetField(ReadOnlyMemory<byte> action, int offset)
    {
        var s = action.Span;
        var oxmLength = OxmHeaderSize + s[7];
        if (4 + oxmLength > s.Length)
        {
            throw new OpenFlowException("set-field OXM runs past the action", offset + 7);
        }

        return new OfSetFieldAction(action.Slice(4, oxmLength));
    }

    /// <summary>Reads an instruction list.</summary>
    public static IReadOnlyList<OfInstruction> ReadInstructions(ReadOnlyMemory<byte> instructions, int baseOffset)
    {
        var s = instructions.Span;
        if (s.Length == 0)
        {
            return [];
        }

        var list = new List<OfInstruction>(1);
        var p = 0;
        while (p < s.Length)
        {
            Need(s.Length - p, 4, baseOffset + p, "instruction header");
            var type = U16(s, p);
            int length = U16(s, p + 2);
            if (length < 8 || length % 8 != 0 || length > s.Length - p)
            {
                throw new OpenFlowException($"instruction length {length} does not fit", baseOffset + p + 2);
            }

            var inner = instructions.Slice(p + InstructionActionsSize, length - InstructionActionsSize);
            list.Add(type switch
            {
                Of13Type.InstructionApplyActions => new ApplyActionsInstruction(ReadActions(inner, baseOffset + p + 8)),
                Of13Type.InstructionWriteActions => new WriteActionsInstruction(ReadActions(inner, baseOffset + p + 8)),
                Of13Type.InstructionClearActions => new ClearActionsInstruction(),
                Of13Type.InstructionGotoTable => new GotoTableInstruction(s[p + 4]),
                _ => new UnknownInstruction(type, instructions.Slice(p, length)),
            });
            p += length;
        }

        return list;
    }

    private static MultipartRequestMessage ReadMultipartRequest(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, MultipartHeaderSize, 0, "ofp_multipart_request");
        var type = U16(s, 8);
        var flags = U16(s, 10);
        var body = frame[MultipartHeaderSize..];
        switch (type)
        {
            case Of13Type.MultipartDesc:
                return new DescStatsRequest { Xid = xid, Flags = flags };
            case Of13Type.MultipartTable:
                return new TableStatsRequest { Xid = xid, Flags = flags };
            case Of13Type.MultipartPortDesc:
                return new PortDescRequest { Xid = xid, Flags = flags };
            case Of13Type.MultipartPortStats:
                Need(body.Length, PortStatsRequestSize, MultipartHeaderSize, "ofp_port_stats_request");
                return new PortStatsRequest { Xid = xid, Flags = flags, PortNumber = U32(s, 16) };
            case Of13Type.MultipartFlow or Of13Type.MultipartAggregate:
                Need(s.Length, MultipartHeaderSize + FlowStatsRequestSize, MultipartHeaderSize, "ofp_flow_stats_request");
                return new FlowStatsRequest
                {
                    Xid = xid, Flags = flags, Aggregate = type == Of13Type.MultipartAggregate, TableId = s[16], OutPort = U32(s, 20),
                    OutGroup = U32(s, 24), Cookie = U64(s, 32), CookieMask = U64(s, 40), Match = ReadMatch(frame, 48, out _),
                };
            default:
                return new UnknownMultipartRequest { Xid = xid, Flags = flags, Type = type, Body = body };
        }
    }

    private static MultipartReplyMessage ReadMultipartReply(ReadOnlyMemory<byte> frame, uint xid)
    {
        var s = frame.Span;
        Need(s.Length, MultipartHeaderSize, 0, "ofp_multipart_reply");
        var type = U16(s, 8);
        var flags = U16(s, 10);
        var body = frame[MultipartHeaderSize..];
        var b = body.Span;
        switch (type)
        {
            case Of13Type.MultipartDesc:
                Need(b.Length, DescStatsReply.BodySize, MultipartHeaderSize, "ofp_desc");
                return StatsBodies.ReadDesc(b, xid, flags);
            case Of13Type.MultipartFlow:
                return new FlowStatsReply { Xid = xid, Flags = flags, Flows = ReadFlowStats(body) };
            case Of13Type.MultipartAggregate:
                Need(b.Length, AggregateStatsReplySize, MultipartHeaderSize, "ofp_aggregate_stats_reply");
                return StatsBodies.ReadAggregate(b, xid, flags);
            case Of13Type.MultipartTable:
                StatsBodies.WholeEntries(b.Length, TableStatsSize, MultipartHeaderSize, "table stats");
                var tables = new List<TableStatsEntry>(b.Length / TableStatsSize);
                for (var p = 0; p + TableStatsSize <= b.Length; p += TableStatsSize)
                {
                    tables.Add(new TableStatsEntry { TableId = b[p], ActiveCount = U32(b, p + 4), LookupCount = U64(b, p + 8), MatchedCount = U64(b, p + 16) });
                }

                return new TableStatsReply { Xid = xid, Flags = flags, Tables = tables };
            case Of13Type.MultipartPortStats:
                StatsBodies.WholeEntries(b.Length, PortStatsSize, MultipartHeaderSize, "port stats");
                var ports = new List<PortStatsEntry>(b.Length / PortStatsSize);
                for (var p = 0; p + PortStatsSize <= b.Length; p += PortStatsSize)
                {
                    ports.Add(new PortStatsEntry
                    {
                        PortNumber = U32(b, p), Counters = StatsBodies.ReadPortCounters(b, p + 8), DurationSeconds = U32(b, p + 104),
                        DurationNanoseconds = U32(b, p + 108),
                    });
                }

                return new PortStatsReply { Xid = xid, Flags = flags, Ports = ports };
            case Of13Type.MultipartPortDesc:
                StatsBodies.WholeEntries(b.Length, PortSize, MultipartHeaderSize, "port description");
                var descs = new List<OfPort>(b.Length / PortSize);
                for (var p = 0; p + PortSize <= b.Length; p += PortSize)
                {
                    descs.Add(ReadPort(b[p..]));
                }

                return new PortDescReply { Xid = xid, Flags = flags, Ports = descs };
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
            Need(b.Length - p, FlowStatsSize, MultipartHeaderSize + p, "ofp_flow_stats");
            int length = U16(b, p);
            if (length < FlowStatsSize || length > b.Length - p)
            {
                throw new OpenFlowException($"flow stats length {length} does not fit", MultipartHeaderSize + p);
            }

            var entry = body.Slice(p, length);
            var e = entry.Span;
            var match = ReadMatch(entry, 48, out var matchLength);
            flows.Add(new FlowStatsEntry
            {
                TableId = e[2], DurationSeconds = U32(e, 4), DurationNanoseconds = U32(e, 8), Priority = U16(e, 12), IdleTimeout = U16(e, 14),
                HardTimeout = U16(e, 16), Flags = U16(e, 18), Cookie = U64(e, 24), PacketCount = U64(e, 32), ByteCount = U64(e, 40),
                Match = match, Instructions = ReadInstructions(entry[(48 + matchLength)..], MultipartHeaderSize + p + 48 + matchLength),
            });
            p += length;
        }

        return flows;
    }
}
