using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow.Messages;
using static SdnDashboard.Core.OpenFlow.Of10.Of10Codec;
using static SdnDashboard.Core.OpenFlow.WireSpan;

namespace SdnDashboard.Core.OpenFlow.Of10;

/// <summary>Encodes <see cref="OfMessage"/>s as OpenFlow 1.0; the inverse of <see cref="Of10Codec.Read"/>.</summary>
public static class Of10Writer
{
    /// <summary>Writes <paramref name="message"/> to <paramref name="d"/>; returns its length.</summary>
    public static int Write(OfMessage message, Span<byte> d)
    {
        var (type, length) = message switch
        {
            HelloMessage => (Of10Type.Hello, OfHeader.Size),
            ErrorMessage m => (Of10Type.Error, WriteError(m, d)),
            EchoRequestMessage m => (Of10Type.EchoRequest, WriteBytes(m.Data.Span, d)),
            EchoReplyMessage m => (Of10Type.EchoReply, WriteBytes(m.Data.Span, d)),
            FeaturesRequestMessage => (Of10Type.FeaturesRequest, OfHeader.Size),
            FeaturesReplyMessage m => (Of10Type.FeaturesReply, WriteFeaturesReply(m, d)),
            GetConfigRequestMessage => (Of10Type.GetConfigRequest, OfHeader.Size),
            SwitchConfigMessage m => (m.IsSet ? Of10Type.SetConfig : Of10Type.GetConfigReply, WriteSwitchConfig(m, d)),
            PacketInMessage m => (Of10Type.PacketIn, WritePacketIn(m, d)),
            PacketOutMessage m => (Of10Type.PacketOut, WritePacketOut(m, d)),
            FlowModMessage m => (Of10Type.FlowMod, WriteFlowMod(m, d)),
            FlowRemovedMessage m => (Of10Type.FlowRemoved, WriteFlowRemoved(m, d)),
            PortStatusMessage m => (Of10Type.PortStatus, WritePortStatus(m, d)),
            MultipartRequestMessage m => (Of10Type.StatsRequest, WriteStatsRequest(m, d)),
            MultipartReplyMessage m => (Of10Type.StatsReply, WriteStatsReply(m, d)),
            BarrierRequestMessage => (Of10Type.BarrierRequest, OfHeader.Size),
            BarrierReplyMessage => (Of10Type.BarrierReply, OfHeader.Size),
            UnknownMessage m => (m.Type, WriteBytes(m.Body.Span, d)),
            _ => throw new ArgumentException($"{message.GetType().Name} has no OpenFlow 1.0 encoding", nameof(message)),
        };
        new OfHeader(OfVersion.V10, type, checked((ushort)length), message.Xid).Write(d);
        return length;
    }

    private static int WriteBytes(ReadOnlySpan<byte> body, Span<byte> d)
    {
        body.CopyTo(d[OfHeader.Size..]);
        return OfHeader.Size + body.Length;
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
        d.Slice(21, 3).Clear();
        WriteU32(d, 24, m.Capabilities);
        WriteU32(d, 28, m.ReservedOrActions);
        var p = SwitchFeaturesSize;
        foreach (var port in m.Ports)
        {
            WritePhyPort(port, d[p..]);
            p += PhyPortSize;
        }

        return p;
    }

    /// <summary>Writes a 48-byte <c>ofp_phy_port</c>.</summary>
    public static void WritePhyPort(OfPort port, Span<byte> d)
    {
        WriteU16(d, 0, (int)port.PortNumber);
        port.HardwareAddress.Write(d[2..]);
        WriteString(d.Slice(8, 16), port.Name);
        WriteU32(d, 24, port.Config);
        WriteU32(d, 28, port.State);
        WriteU32(d, 32, port.Current);
        WriteU32(d, 36, port.Advertised);
        WriteU32(d, 40, port.Supported);
        WriteU32(d, 44, port.Peer);
    }

    private static int WriteSwitchConfig(SwitchConfigMessage m, Span<byte> d)
    {
        WriteU16(d, 8, m.Flags);
        WriteU16(d, 10, m.MissSendLength);
        return SwitchConfigSize;
    }

    /// <summary>Writes the 40-byte <c>ofp_match</c>.</summary>
    public static void WriteMatch(OfMatch match, Span<byte> d)
    {
        var m = match as Of10Match ?? throw new ArgumentException("OpenFlow 1.0 needs an ofp_match", nameof(match));
        WriteU32(d, 0, m.Wildcards);
        WriteU16(d, 4, m.InPort);
        new MacAddress(m.DlSrc).Write(d[6..]);
        new MacAddress(m.DlDst).Write(d[12..]);
        WriteU16(d, 18, m.DlVlan);
        d[20] = m.DlVlanPcp;
        d[21] = 0;
        WriteU16(d, 22, m.DlType);
        d[24] = m.NwTos;
        d[25] = m.NwProto;
        d[26] = 0;
        d[27] = 0;
        WriteU32(d, 28, m.NwSrc);
        WriteU32(d, 32, m.NwDst);
        WriteU16(d, 36, m.TpSrc);
        WriteU16(d, 38, m.TpDst);
    }

    private static int WritePacketIn(PacketInMessage m, Span<byte> d)
    {
        WriteU32(d, 8, m.BufferId);
        WriteU16(d, 12, m.TotalLength);
        WriteU16(d, 14, m.InPort);
        d[16] = m.Reason;
        d[17] = 0;
        m.Data.Span.CopyTo(d[PacketInDataOffset..]);
        return PacketInDataOffset + m.Data.Length;
    }

    private static int WritePacketOut(PacketOutMessage m, Span<byte> d)
    {
        WriteU32(d, 8, m.BufferId);
        WriteU16(d, 12, (int)m.InPort);
        var actions = WriteActions(m.Actions, d[PacketOutSize..]);
        WriteU16(d, 14, actions);
        m.Data.Span.CopyTo(d[(PacketOutSize + actions)..]);
        return PacketOutSize + actions + m.Data.Length;
    }

    private static IReadOnlyList<OfAction> ActionsOf(IReadOnlyList<OfInstruction> instructions) => instructions switch
    {
        [] => [],
        [ApplyActionsInstruction apply] => apply.Actions,
        _ => throw new ArgumentException("OpenFlow 1.0 carries only one action list (one apply-actions instruction)", nameof(instructions)),
    };

    private static int WriteFlowMod(FlowModMessage m, Span<byte> d)
    {
        WriteMatch(m.Match, d[8..]);
        WriteU64(d, 48, m.Cookie);
        WriteU16(d, 56, m.Command);
        WriteU16(d, 58, m.IdleTimeout);
        WriteU16(d, 60, m.HardTimeout);
        WriteU16(d, 62, m.Priority);
        WriteU32(d, 64, m.BufferId);
        WriteU16(d, 68, (int)m.OutPort);
        WriteU16(d, 70, m.Flags);
        return FlowModSize + WriteActions(ActionsOf(m.Instructions), d[FlowModSize..]);
    }

    private static int WriteFlowRemoved(FlowRemovedMessage m, Span<byte> d)
    {
        WriteMatch(m.Match, d[8..]);
        WriteU64(d, 48, m.Cookie);
        WriteU16(d, 56, m.Priority);
        d[58] = m.Reason;
        d[59] = 0;
        WriteU32(d, 60, m.DurationSeconds);
        WriteU32(d, 64, m.DurationNanoseconds);
        WriteU16(d, 68, m.IdleTimeout);
        d.Slice(70, 2).Clear();
        WriteU64(d, 72, m.PacketCount);
        WriteU64(d, 80, m.ByteCount);
        return FlowRemovedSize;
    }

    private static int WritePortStatus(PortStatusMessage m, Span<byte> d)
    {
        d[8] = m.Reason;
        d.Slice(9, 7).Clear();
        WritePhyPort(m.Port, d[16..]);
        return PortStatusSize;
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
                    WriteU16(d, p, Of10Type.ActionOutput);
                    WriteU16(d, p + 2, ActionOutputSize);
                    WriteU16(d, p + 4, (int)o.Port);
                    WriteU16(d, p + 6, o.MaxLength);
                    p += ActionOutputSize;
                    break;
                case OfSetDlAddressAction a:
                    WriteU16(d, p, a.Destination ? Of10Type.ActionSetDlDst : Of10Type.ActionSetDlSrc);
                    WriteU16(d, p + 2, ActionDlAddressSize);
                    a.Address.Write(d[(p + 4)..]);
                    d.Slice(p + 10, 6).Clear();
                    p += ActionDlAddressSize;
                    break;
                case OfSetNwAddressAction a:
                    WriteU16(d, p, a.Destination ? Of10Type.ActionSetNwDst : Of10Type.ActionSetNwSrc);
                    WriteU16(d, p + 2, ActionNwAddressSize);
                    WriteU32(d, p + 4, a.Address);
                    p += ActionNwAddressSize;
                    break;
                case OfUnknownAction u:
                    u.Raw.Span.CopyTo(d[p..]);
                    p += u.Raw.Length;
                    break;
                default:
                    throw new ArgumentException($"{action.GetType().Name} is not an OpenFlow 1.0 action", nameof(actions));
            }
        }

        return p;
    }

    private static int WriteStatsRequest(MultipartRequestMessage m, Span<byte> d)
    {
        WriteU16(d, 10, m.Flags);
        var b = d[StatsHeaderSize..];
        int type, body;
        switch (m)
        {
            case DescStatsRequest:
                (type, body) = (Of10Type.StatsDesc, 0);
                break;
            case TableStatsRequest:
                (type, body) = (Of10Type.StatsTable, 0);
                break;
            case PortStatsRequest r:
                WriteU16(b, 0, (int)r.PortNumber);
                b.Slice(2, 6).Clear();
                (type, body) = (Of10Type.StatsPort, PortStatsRequestSize);
                break;
            case FlowStatsRequest f:
                WriteMatch(f.Match, b);
                b[40] = f.TableId;
                b[41] = 0;
                WriteU16(b, 42, (int)f.OutPort);
                (type, body) = (f.Aggregate ? Of10Type.StatsAggregate : Of10Type.StatsFlow, FlowStatsRequestSize);
                break;
            case UnknownMultipartRequest u:
                u.Body.Span.CopyTo(b);
                (type, body) = (u.Type, u.Body.Length);
                break;
            default:
                throw new ArgumentException($"{m.GetType().Name} has no OpenFlow 1.0 encoding", nameof(m));
        }

        WriteU16(d, 8, type);
        return StatsHeaderSize + body;
    }

    private static int WriteStatsReply(MultipartReplyMessage m, Span<byte> d)
    {
        WriteU16(d, 10, m.Flags);
        var b = d[StatsHeaderSize..];
        int type, body = 0;
        switch (m)
        {
            case DescStatsReply r:
                (type, body) = (Of10Type.StatsDesc, StatsBodies.WriteDesc(r, b));
                break;
            case FlowStatsReply r:
                foreach (var f in r.Flows)
                {
                    var e = b[body..];
                    e[2] = f.TableId;
                    e[3] = 0;
                    WriteMatch(f.Match, e[4..]);
                    WriteU32(e, 44, f.DurationSeconds);
                    WriteU32(e, 48, f.DurationNanoseconds);
                    WriteU16(e, 52, f.Priority);
                    WriteU16(e, 54, f.IdleTimeout);
                    WriteU16(e, 56, f.HardTimeout);
                    e.Slice(58, 6).Clear();
                    WriteU64(e, 64, f.Cookie);
                    WriteU64(e, 72, f.PacketCount);
                    WriteU64(e, 80, f.ByteCount);
                    var length = FlowStatsSize + WriteActions(ActionsOf(f.Instructions), e[FlowStatsSize..]);
                    WriteU16(e, 0, length);
                    body += length;
                }

                type = Of10Type.StatsFlow;
                break;
            case AggregateStatsReply r:
                (type, body) = (Of10Type.StatsAggregate, StatsBodies.WriteAggregate(r, b));
                break;
            case TableStatsReply r:
                foreach (var t in r.Tables)
                {
                    b[body] = t.TableId;
                    b.Slice(body + 1, 3).Clear();
                    WriteString(b.Slice(body + 4, 32), t.Name);
                    WriteU32(b, body + 36, t.Wildcards);
                    WriteU32(b, body + 40, t.MaxEntries);
                    WriteU32(b, body + 44, t.ActiveCount);
                    WriteU64(b, body + 48, t.LookupCount);
                    WriteU64(b, body + 56, t.MatchedCount);
                    body += TableStatsSize;
                }

                type = Of10Type.StatsTable;
                break;
            case PortStatsReply r:
                foreach (var port in r.Ports)
                {
                    WriteU16(b, body, (int)port.PortNumber);
                    b.Slice(body + 2, 6).Clear();
                    StatsBodies.WritePortCounters(port.Counters, b, body + 8);

                    body += PortStatsSize;
                }

                type = Of10Type.StatsPort;
                break;
            case UnknownMultipartReply u:
                u.Body.Span.CopyTo(b);
                (type, body) = (u.Type, u.Body.Length);
                break;
            default:
                throw new ArgumentException($"{m.GetType().Name} has no OpenFlow 1.0 encoding", nameof(m));
        }

        WriteU16(d, 8, type);
        return StatsHeaderSize + body;
    }
}
