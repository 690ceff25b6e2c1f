using SdnDashboard.Core.OpenFlow.Messages;
using static SdnDashboard.Core.OpenFlow.Of13.Of13Codec;
using static SdnDashboard.Core.OpenFlow.WireSpan;

namespace SdnDashboard.Core.OpenFlow.Of13;

/// <summary>Encodes <see cref="OfMessage"/>s as OpenFlow 1.3; the inverse of <see cref="Of13Codec.Read"/>.</summary>
public static class Of13Writer
{
    /// <summary>Writes <paramref name="message"/> to <paramref name="d"/>; returns its length.</summary>
    public static int Write(OfMessage message, Span<byte> d)
    {
        var (type, length) = message switch
        {
            HelloMessage m => (Of13Type.Hello, WriteHello(m, d)),
            ErrorMessage m => (Of13Type.Error, WriteError(m, d)),
            EchoRequestMessage m => (Of13Type.EchoRequest, WriteBytes(m.Data.Span, d)),
            EchoReplyMessage m => (Of13Type.EchoReply, WriteBytes(m.Data.Span, d)),
            FeaturesRequestMessage => (Of13Type.FeaturesRequest, OfHeader.Size),
            FeaturesReplyMessage m => (Of13Type.FeaturesReply, WriteFeaturesReply(m, d)),
            GetConfigRequestMessage => (Of13Type.GetConfigRequest, OfHeader.Size),
            SwitchConfigMessage m => (m.IsSet ? Of13Type.SetConfig : Of13Type.GetConfigReply, WriteSwitchConfig(m, d)),
            PacketInMessage m => (Of13Type.PacketIn, WritePacketIn(m, d)),
            PacketOutMessage m => (Of13Type.PacketOut, WritePacketOut(m, d)),
            FlowModMessage m => (Of13Type.FlowMod, WriteFlowMod(m, d)),
            FlowRemovedMessage m => (Of13Type.FlowRemoved, WriteFlowRemoved(m, d)),
            PortStatusMessage m => (Of13Type.PortStatus, WritePortStatus(m, d)),
            MultipartRequestMessage m => (Of13Type.MultipartRequest, WriteMultipartRequest(m, d)),
            MultipartReplyMessage m => (Of13Type.MultipartReply, WriteMultipartReply(m, d)),
            BarrierRequestMessage => (Of13Type.BarrierRequest, OfHeader.Size),
            BarrierReplyMessage => (Of13Type.BarrierReply, OfHeader.Size),
            UnknownMessage m => (m.Type, WriteBytes(m.Body.Span, d)),
            _ => throw new ArgumentException($"{message.GetType().Name} has no OpenFlow 1.3 encoding", nameof(message)),
        };
        new OfHeader(OfVersion.V13, type, checked((ushort)length), message.Xid).Write(d);
        return length;
    }

    private static int WriteBytes(ReadOnlySpan<byte> body, Span<byte> d)
    {
        body.CopyTo(d[OfHeader.Size..]);
        return OfHeader.Size + body.Length;
    }

    private static int WriteHello(HelloMessage m, Span<byte> d)
    {
        if (m.VersionBitmap is not { } bitmap)
        {
            return OfHeader.Size;
        }

        WriteU16(d, 8, 1);
        WriteU16(d, 10, HelloVersionBitmapSize);
        WriteU32(d, 12, bitmap);
        return OfHeader.Size + HelloVersionBitmapSize;
    }

    private static int WriteError(ErrorMessage m, Span<byte> d)
    {
        WriteU16(d, 8, m.Type);
        WriteU16(d, 10, m.Code);
        m.Data.Span.CopyTo(d[ErrorSize..]);
        return ErrorSize + m.Data.Length;
    }

    private static int WriteFeaturesReply(FeaturesReplyMessage m, Span<byte> d)
    {
        WriteU64(d, 8, m.DatapathId);
        WriteU32(d, 16, m.Buffers);
        d[20] = m.Tables;
        d[21] = m.AuxiliaryId;
        d.Slice(22, 2).Clear();
        WriteU32(d, 24, m.Capabilities);
        WriteU32(d, 28, m.ReservedOrActions);
        return SwitchFeaturesSize;
    }

    private static int WriteSwitchConfig(SwitchConfigMessage m, Span<byte> d)
    {
        WriteU16(d, 8, m.Flags);
        WriteU16(d, 10, m.MissSendLength);
        return SwitchConfigSize;
    }

    /// <summary>Writes an <c>ofp_match</c> (header, OXM TLVs, zero padding); returns the padded length.</summary>
    public static int WriteMatch(OfMatch match, Span<byte> d)
    {
        var fields = match is OxmMatch oxm
            ? oxm.Fields.Span
            : throw new ArgumentException("OpenFlow 1.3 needs an OXM match", nameof(match));
        WriteU16(d, 0, 1);
        WriteU16(d, 2, MatchHeaderSize + fields.Length);
        fields.CopyTo(d[MatchHeaderSize..]);
        var padded = Pad8(MatchHeaderSize + fields.Length);
        d[(MatchHeaderSize + fields.Length)..padded].Clear();
        return padded;
    }

    private static int WritePacketIn(PacketInMessage m, Span<byte> d)
    {
        WriteU32(d, 8, m.BufferId);
        WriteU16(d, 12, m.TotalLength);
        d[14] = m.Reason;
        d[15] = m.TableId;
        WriteU64(d, 16, m.Cookie);
        var p = 24 + WriteMatch(m.Match ?? OxmMatch.Empty, d[24..]);
        d.Slice(p, 2).Clear();
        p += 2;
        m.Data.Span.CopyTo(d[p..]);
        return p + m.Data.Length;
    }

    private static int WritePacketOut(PacketOutMessage m, Span<byte> d)
    {
        WriteU32(d, 8, m.BufferId);
        WriteU32(d, 12, m.InPort);
        d.Slice(18, 6).Clear();
        var actions = WriteActions(m.Actions, d[PacketOutSize..]);
        WriteU16(d, 16, actions);
        m.Data.Span.CopyTo(d[(PacketOutSize + actions)..]);
        return PacketOutSize + actions + m.Data.Length;
    }

    private static int WriteFlowMod(FlowModMessage m, Span<byte> d)
    {
        WriteU64(d, 8, m.Cookie);
        WriteU64(d, 16, m.CookieMask);
        d[24] = m.TableId;
        d[25] = m.Command;
        WriteU16(d, 26, m.IdleTimeout);
        WriteU16(d, 28, m.HardTimeout);
        WriteU16(d, 30, m.Priority);
        WriteU32(d, 32, m.BufferId);
        WriteU32(d, 36, m.OutPort);
        WriteU32(d, 40, m.OutGroup);
        WriteU16(d, 44, m.Flags);
        d.Slice(46, 2).Clear();
        var p = 48 + WriteMatch(m.Match, d[48..]);
        return p + WriteInstructions(m.Instructions, d[p..]);
    }

    private static int WriteFlowRemoved(FlowRemovedMessage m, Span<byte> d)
    {
        WriteU64(d, 8, m.Cookie);
        WriteU16(d, 16, m.Priority);
        d[18] = m.Reason;
        d[19] = m.TableId;
        WriteU32(d, 20, m.DurationSeconds);
        WriteU32(d, 24, m.DurationNanoseconds);
        WriteU16(d, 28, m.IdleTimeout);
        WriteU16(d, 30, m.HardTimeout);
        WriteU64(d, 32, m.PacketCount);
        WriteU64(d, 40, m.ByteCount);
        return 48 + WriteMatch(m.Match, d[48..]);
    }

    private static int WritePortStatus(PortStatusMessage m, Span<byte> d)
    {
        d[8] = m.Reason;
        d.Slice(9, 7).Clear();
        WritePort(m.Port, d[16..]);
        return PortStatusSize;
    }

    /// <summary>Writes a 64-byte <c>ofp_port</c>.</summary>
    public static void WritePort(OfPort port, Span<byte> d)
    {
        d[..PortSize].Clear();
        WriteU32(d, 0, port.PortNumber);
        port.HardwareAddress.Write(d[8..]);
        WriteString(d.Slice(16, 16), port.Name);
        WriteU32(d, 32, port.Config);
        WriteU32(d, 36, port.State);
        WriteU32(d, 40, port.Current);
        WriteU32(d, 44, port.Advertised);
        WriteU32(d, 48, port.Supported);
        WriteU32(d, 52, port.Peer);
        WriteU32(d, 56, port.CurrentSpeed);
        WriteU32(d, 60, port.MaxSpeed);
    }

    /// <summary>Writes an action list; returns its length.</summary>
    public static int WriteActions(IReadOnlyList<OfAction> actions, Span<byte> d)
    {
        var p = 0;
        foreach (var action in actions)
        {
            switch (action)
            {
                case OfOutputAction o:
                    WriteU16(d, p, Of13Type.ActionOutput);
                    WriteU16(d, p + 2, ActionOutputSize);
                    WriteU32(d, p + 4, o.Port);
                    WriteU16(d, p + 8, o.MaxLength);
                    d.Slice(p + 10, 6).Clear();
                    p += ActionOutputSize;
                    break;
                case OfSetFieldAction f:
                    var length = Pad8(4 + f.Oxm.Length);
                    WriteU16(d, p, Of13Type.ActionSetField);
                    WriteU16(d, p + 2, length);
                    f.Oxm.Span.CopyTo(d[(p + 4)..]);
                    d[(p + 4 + f.Oxm.Length)..(p + length)].Clear();
                    p += length;
                    break;
                case OfUnknownAction u:
                    u.Raw.Span.CopyTo(d[p..]);
                    p += u.Raw.Length;
                    break;
                default:
                    throw new ArgumentException($"{action.GetType().Name} is not an OpenFlow 1.3 action", nameof(actions));
            }
        }

        return p;
    }

    /// <summary>Writes an instruction list; returns its length.</summary>
    public static int WriteInstructions(IReadOnlyList<OfInstruction> instructions, Span<byte> d)
    {
        var p = 0;
        foreach (var instruction in instructions)
        {
            switch (instruction)
            {
                case ApplyActionsInstruction a:
                    p += WriteActionsInstruction(Of13Type.InstructionApplyActions, a.Actions, d[p..]);
                    break;
                case WriteActionsInstruction w:
                    p += WriteActionsInstruction(Of13Type.InstructionWriteActions, w.Actions, d[p..]);
                    break;
                case ClearActionsInstruction:
                    p += WriteActionsInstruction(Of13Type.InstructionClearActions, [], d[p..]);
                    break;
                case GotoTableInstruction g:
                    WriteU16(d, p, Of13Type.InstructionGotoTable);
                    WriteU16(d, p + 2, InstructionGotoTableSize);
                    d[p + 4] = g.TableId;
                    d.Slice(p + 5, 3).Clear();
                    p += InstructionGotoTableSize;
                    break;
                case UnknownInstruction u:
                    u.Raw.Span.CopyTo(d[p..]);
                    p += u.Raw.Length;
                    break;
                default:
                    throw new ArgumentException($"{instruction.GetType().Name} is not an OpenFlow 1.3 instruction", nameof(instructions));
            }
        }

        return p;
    }

    private static int WriteActionsInstruction(ushort type, IReadOnlyList<OfAction> actions, Span<byte> d)
    {
        var length = InstructionActionsSize + WriteActions(actions, d[InstructionActionsSize..]);
        WriteU16(d, 0, type);
        WriteU16(d, 2, length);
        d.Slice(4, 4).Clear();
        return length;
    }

    private static int WriteMultipartRequest(MultipartRequestMessage m, Span<byte> d)
    {
        WriteU16(d, 10, m.Flags);
        d.Slice(12, 4).Clear();
        var b = d[MultipartHeaderSize..];
        int type, body;
        switch (m)
        {
            case DescStatsRequest:
                (type, body) = (Of13Type.MultipartDesc, 0);
                break;
            case TableStatsRequest:
                (type, body) = (Of13Type.MultipartTable, 0);
                break;
            case PortDescRequest:
                (type, body) = (Of13Type.MultipartPortDesc, 0);
                break;
            case PortStatsRequest r:
                WriteU32(b, 0, r.PortNumber);
                b.Slice(4, 4).Clear();
                (type, body) = (Of13Type.MultipartPortStats, PortStatsRequestSize);
                break;
            case FlowStatsRequest f:
                b[0] = f.TableId;
                b.Slice(1, 3).Clear();
                WriteU32(b, 4, f.OutPort);
                WriteU32(b, 8, f.OutGroup);
                b.Slice(12, 4).Clear();
                WriteU64(b, 16, f.Cookie);
                WriteU64(b, 24, f.CookieMask);
                (type, body) = (f.Aggregate ? Of13Type.MultipartAggregate : Of13Type.MultipartFlow, 32 + WriteMatch(f.Match, b[32..]));
                break;
            case UnknownMultipartRequest u:
                u.Body.Span.CopyTo(b);
                (type, body) = (u.Type, u.Body.Length);
                break;
            default:
                throw new ArgumentException($"{m.GetType().Name} has no OpenFlow 1.3 encoding", nameof(m));
        }

        WriteU16(d, 8, type);
        return MultipartHeaderSize + body;
    }

    private static int WriteMultipartReply(MultipartReplyMessage m, Span<byte> d)
    {
        WriteU16(d, 10, m.Flags);
        d.Slice(12, 4).Clear();
        var b = d[MultipartHeaderSize..];
        int type, body = 0;
        switch (m)
        {
            case DescStatsReply r:
                (type, body) = (Of13Type.MultipartDesc, StatsBodies.WriteDesc(r, b));
                break;
            case FlowStatsReply r:
                foreach (var flow in r.Flows)
                {
                    body += WriteFlowStats(flow, b[body..]);
                }

                type = Of13Type.MultipartFlow;
                break;
            case AggregateStatsReply r:
                (type, body) = (Of13Type.MultipartAggregate, StatsBodies.WriteAggregate(r, b));
                break;
            case TableStatsReply r:
                foreach (var t in r.Tables)
                {
                    b[body] = t.TableId;
                    b.Slice(body + 1, 3).Clear();
                    WriteU32(b, body + 4, t.ActiveCount);
                    WriteU64(b, body + 8, t.LookupCount);
                    WriteU64(b, body + 16, t.MatchedCount);
                    body += TableStatsSize;
                }

                type = Of13Type.MultipartTable;
                break;
            case PortStatsReply r:
                foreach (var port in r.Ports)
                {
                    WriteU32(b, body, port.PortNumber);
                    b.Slice(body + 4, 4).Clear();
                    StatsBodies.WritePortCounters(port.Counters, b, body + 8);

                    WriteU32(b, body + 104, port.DurationSeconds);
                    WriteU32(b, body + 108, port.DurationNanoseconds);
                    body += PortStatsSize;
                }

                type = Of13Type.MultipartPortStats;
                break;
            case PortDescReply r:
                foreach (var port in r.Ports)
                {
                    WritePort(port, b[body..]);
                    body += PortSize;
                }

                type = Of13Type.MultipartPortDesc;
                break;
            case UnknownMultipartReply u:
                u.Body.Span.CopyTo(b);
                (type, body) = (u.Type, u.Body.Length);
                break;
            default:
                throw new ArgumentException($"{m.GetType().Name} has no OpenFlow 1.3 encoding", nameof(m));
        }

        WriteU16(d, 8, type);
        return MultipartHeaderSize + body;
    }

    private static int WriteFlowStats(FlowStatsEntry f, Span<byte> d)
    {
        d[2] = f.TableId;
        d[3] = 0;
        WriteU32(d, 4, f.DurationSeconds);
        WriteU32(d, 8, f.DurationNanoseconds);
        WriteU16(d, 12, f.Priority);
        WriteU16(d, 14, f.IdleTimeout);
        WriteU16(d, 16, f.HardTimeout);
        WriteU16(d, 18, f.Flags);
        d.Slice(20, 4).Clear();
        WriteU64(d, 24, f.Cookie);
        WriteU64(d, 32, f.PacketCount);
        WriteU64(d, 40, f.ByteCount);
        var p = 48 + WriteMatch(f.Match, d[48..]);
        p += WriteInstructions(f.Instructions, d[p..]);
        WriteU16(d, 0, p);
        return p;
    }
}
