using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow.Messages;
using static SdnDashboard.Core.OpenFlow.Of13.Of13Translator;
using static SdnDashboard.Core.OpenFlow.WireSpan;

namespace SdnDashboard.Core.OpenFlow.Of10;

/// <summary>
/// Between the version-neutral control model and OpenFlow 1.0: matches as the fixed <c>ofp_match</c> with
/// wildcards, actions as a plain list with set_dl_*/set_nw_* for rewrites, and 16-bit port numbers (the
/// 1.3 reserved ports 0xfffffff8.. map to 0xfff8.., OFPP_ANY to OFPP_NONE).
/// </summary>
public static class Of10Translator
{
    private const ushort EthTypeArp = 0x0806;

    /// <summary>A 1.3-valued port as the 16-bit 1.0 port; throws for a number 1.0 cannot carry.</summary>
    public static ushort ToWirePort(uint port) => port switch
    {
        >= OfPorts.Max => (ushort)port,
        < Of10Type.PortMax => (ushort)port,
        _ => throw new ArgumentOutOfRangeException(nameof(port), port, "OpenFlow 1.0 ports stop at 0xfeff"),
    };

    /// <summary>A 16-bit 1.0 port as the 1.3-valued port the control model uses.</summary>
    public static uint FromWirePort(ushort port) => port >= Of10Type.PortMax ? 0xFFFF0000u | port : port;

    /// <summary>The 1.0 match for <paramref name="match"/>: exact on each field given, wildcard elsewhere.</summary>
    public static Of10Match ToOf10Match(PacketMatch match)
    {
        var w = Of10Match.WildcardAll;
        var m = new Of10Match();
        if (match.InPort is { } inPort)
        {
            w &= ~Of10Type.WildcardInPort;
            m = m with { InPort = ToWirePort(inPort) };
        }

        if (match.EthSrc is { } src)
        {
            w &= ~Of10Type.WildcardDlSrc;
            m = m with { DlSrc = src.Value };
        }

        if (match.EthDst is { } dst)
        {
            w &= ~Of10Type.WildcardDlDst;
            m = m with { DlDst = dst.Value };
        }

        if (match.EthType is { } ethType)
        {
            w &= ~Of10Type.WildcardDlType;
            m = m with { DlType = ethType };
        }

        if (match.VlanId is { } vlan)
        {
            w &= ~Of10Type.WildcardDlVlan;
            m = m with { DlVlan = vlan };
        }

        if (match.IpProto is { } proto)
        {
            w &= ~Of10Type.WildcardNwProto;
            m = m with { NwProto = proto };
        }

        if (match.Ipv4Src is { } nwSrc)
        {
            w &= ~Of10Type.WildcardNwSrcMask;
            m = m with { NwSrc = Ipv4ToUInt(nwSrc) };
        }

        // 1.0 matches the ARP target address in nw_dst.
        if ((match.Ipv4Dst ?? match.ArpTpa) is { } nwDst)
        {
            w &= ~Of10Type.WildcardNwDstMask;
            m = m with { NwDst = Ipv4ToUInt(nwDst) };
        }

        if (match.TpSrc is { } tpSrc)
        {
            w &= ~Of10Type.WildcardTpSrc;
            m = m with { TpSrc = tpSrc };
        }

        if (match.TpDst is { } tpDst)
        {
            w &= ~Of10Type.WildcardTpDst;
            m = m with { TpDst = tpDst };
        }

        return m with { Wildcards = w };
    }

    /// <summary>The exact fields of a 1.0 match; prefix-wildcarded addresses and PCP/ToS are left out.</summary>
    public static PacketMatch ToPacketMatch(Of10Match m)
    {
        var w = m.Wildcards;
        var arp = (w & Of10Type.WildcardDlType) == 0 && m.DlType == EthTypeArp;
        var nwDstExact = (w & Of10Type.WildcardNwDstMask) == 0;
        return new PacketMatch
        {
            InPort = (w & Of10Type.WildcardInPort) == 0 ? FromWirePort(m.InPort) : null,
            EthSrc = (w & Of10Type.WildcardDlSrc) == 0 ? new MacAddress(m.DlSrc) : null,
            EthDst = (w & Of10Type.WildcardDlDst) == 0 ? new MacAddress(m.DlDst) : null,
            EthType = (w & Of10Type.WildcardDlType) == 0 ? m.DlType : null,
            VlanId = (w & Of10Type.WildcardDlVlan) == 0 ? m.DlVlan : null,
            IpProto = (w & Of10Type.WildcardNwProto) == 0 && !arp ? m.NwProto : null,
            Ipv4Src = (w & Of10Type.WildcardNwSrcMask) == 0 && !arp ? UIntToIpv4(m.NwSrc) : null,
            Ipv4Dst = nwDstExact && !arp ? UIntToIpv4(m.NwDst) : null,
            ArpTpa = nwDstExact && arp ? UIntToIpv4(m.NwDst) : null,
            TpSrc = (w & Of10Type.WildcardTpSrc) == 0 ? m.TpSrc : null,
            TpDst = (w & Of10Type.WildcardTpDst) == 0 ? m.TpDst : null,
        };
    }

    /// <summary>Bytes <see cref="WriteActions"/> will write.</summary>
    public static int ActionsLength(IReadOnlyList<FlowAction> actions)
    {
        var length = 0;
        for (var i = 0; i < actions.Count; i++)
        {
            length += actions[i] is SetEthSrcAction or SetEthDstAction ? Of10Codec.ActionDlAddressSize : Of10Codec.ActionOutputSize;
        }

        return length;
    }

    /// <summary>Writes output, set_dl_src/dst and set_nw_src/dst actions; returns their length.</summary>
    public static int WriteActions(IReadOnlyList<FlowAction> actions, Span<byte> d)
    {
        var p = 0;
        for (var i = 0; i < actions.Count; i++)
        {
            switch (actions[i])
            {
                case OutputAction o:
                    WriteU16(d, p, Of10Type.ActionOutput);
                    WriteU16(d, p + 2, Of10Codec.ActionOutputSize);
                    WriteU16(d, p + 4, ToWirePort(o.Port));
                    WriteU16(d, p + 6, o.MaxLength);
                    p += Of10Codec.ActionOutputSize;
                    break;
                case SetEthSrcAction s:
                    p = DlAddress(d, p, Of10Type.ActionSetDlSrc, s.Mac);
                    break;
                case SetEthDstAction s:
                    p = DlAddress(d, p, Of10Type.ActionSetDlDst, s.Mac);
                    break;
                case SetIpv4SrcAction s:
                    p = NwAddress(d, p, Of10Type.ActionSetNwSrc, Ipv4ToUInt(s.Address));
                    break;
                case SetIpv4DstAction s:
                    p = NwAddress(d, p, Of10Type.ActionSetNwDst, Ipv4ToUInt(s.Address));
                    break;
                default:
                    throw new ArgumentException($"{actions[i].GetType().Name} has no OpenFlow 1.0 encoding", nameof(actions));
            }
        }

        return p;

        static int DlAddress(Span<byte> d, int p, ushort type, MacAddress mac)
        {
            WriteU16(d, p, type);
            WriteU16(d, p + 2, Of10Codec.ActionDlAddressSize);
            mac.Write(d[(p + 4)..]);
            d.Slice(p + 10, 6).Clear();
            return p + Of10Codec.ActionDlAddressSize;
        }

        static int NwAddress(Span<byte> d, int p, ushort type, uint address)
        {
            WriteU16(d, p, type);
            WriteU16(d, p + 2, Of10Codec.ActionNwAddressSize);
            WriteU32(d, p + 4, address);
            return p + Of10Codec.ActionNwAddressSize;
        }
    }

    /// <summary>The 1.0 action list (held as one apply-actions instruction) in the control model; unknown actions are left out.</summary>
    public static IReadOnlyList<FlowAction> ToFlowActions(IReadOnlyList<OfInstruction> instructions)
    {
        var result = new List<FlowAction>();
        foreach (var instruction in instructions)
        {
            if (instruction is not ApplyActionsInstruction apply)
            {
                continue;
            }

            foreach (var action in apply.Actions)
            {
                FlowAction? flowAction = action switch
                {
                    OfOutputAction o => new OutputAction(FromWirePort((ushort)o.Port), o.MaxLength),
                    OfSetDlAddressAction { Destination: true } a => new SetEthDstAction(a.Address),
                    OfSetDlAddressAction a => new SetEthSrcAction(a.Address),
                    OfSetNwAddressAction { Destination: true } a => new SetIpv4DstAction(UIntToIpv4(a.Address)),
                    OfSetNwAddressAction a => new SetIpv4SrcAction(UIntToIpv4(a.Address)),
                    _ => null,
                };
                if (flowAction is not null)
                {
                    result.Add(flowAction);
                }
            }
        }

        return result;
    }

    /// <summary>Bytes <see cref="WriteCommand"/> will write for <paramref name="command"/>.</summary>
    public static int CommandLength(SwitchCommand command) => command switch
    {
        FlowModCommandMessage f => Of10Codec.FlowModSize + ActionsLength(f.Actions),
        PacketOutCommand p => Of10Codec.PacketOutSize + ActionsLength(p.Actions) + (p.BufferId == OfPorts.NoBuffer ? p.Data.Length : 0),
        BarrierCommand => OfHeader.Size,
        _ => throw new ArgumentException($"{command.GetType().Name} has no OpenFlow 1.0 encoding", nameof(command)),
    };

    /// <summary>Encodes a command as a flow-mod, packet-out or barrier request; returns its length.</summary>
    public static int WriteCommand(SwitchCommand command, uint xid, Span<byte> d)
    {
        int length;
        byte type;
        switch (command)
        {
            case FlowModCommandMessage f:
                WriteMatch(f.Match, d[8..]);
                WriteU64(d, 48, f.Cookie);
                WriteU16(d, 56, (int)f.Command);
                WriteU16(d, 58, f.IdleTimeoutSeconds);
                WriteU16(d, 60, f.HardTimeoutSeconds);
                WriteU16(d, 62, f.Priority);
                WriteU32(d, 64, f.BufferId);
                WriteU16(d, 68, ToWirePort(f.OutPort));
                WriteU16(d, 70, f.SendFlowRemoved ? 1 : 0);
                length = Of10Codec.FlowModSize + WriteActions(f.Actions, d[Of10Codec.FlowModSize..]);
                type = Of10Type.FlowMod;
                break;
            case PacketOutCommand p:
                WriteU32(d, 8, p.BufferId);
                WriteU16(d, 12, ToWirePort(p.InPort));
                var actionsLength = WriteActions(p.Actions, d[Of10Codec.PacketOutSize..]);
                WriteU16(d, 14, actionsLength);
                length = Of10Codec.PacketOutSize + actionsLength;
                if (p.BufferId == OfPorts.NoBuffer)
                {
                    p.Data.Span.CopyTo(d[length..]);
                    length += p.Data.Length;
                }

                type = Of10Type.PacketOut;
                break;
            case BarrierCommand:
                length = OfHeader.Size;
                type = Of10Type.BarrierRequest;
                break;
            default:
                throw new ArgumentException($"{command.GetType().Name} has no OpenFlow 1.0 encoding", nameof(command));
        }

        new OfHeader(OfVersion.V10, type, checked((ushort)length), xid).Write(d);
        return length;
    }

    /// <summary>Writes the 40-byte match for <paramref name="match"/> without allocating.</summary>
    public static void WriteMatch(PacketMatch match, Span<byte> d)
    {
        if (ReferenceEquals(match, PacketMatch.Any))
        {
            d[..Of10Codec.MatchSize].Clear();
            WriteU32(d, 0, Of10Match.WildcardAll);
            return;
        }

        if (match.InPort is { } inPort && match.EthSrc is { } src && match.EthDst is { } dst && match.EthType is null
            && match.VlanId is null && match.IpProto is null && match.Ipv4Src is null && match.Ipv4Dst is null
            && match.TpSrc is null && match.TpDst is null && match.ArpTpa is null)
        {
            // The learning switch's match (in-port, source, destination): the hot path, written directly.
            d[..Of10Codec.MatchSize].Clear();
            WriteU32(d, 0, Of10Match.WildcardAll & ~(Of10Type.WildcardInPort | Of10Type.WildcardDlSrc | Of10Type.WildcardDlDst));
            WriteU16(d, 4, ToWirePort(inPort));
            src.Write(d[6..]);
            dst.Write(d[12..]);
            return;
        }

        Of10Writer.WriteMatch(ToOf10Match(match), d);
    }

    /// <summary>Decodes a packet-in frame straight into the event; the payload is copied.</summary>
    public static PacketIn ReadPacketIn(ulong datapathId, ReadOnlySpan<byte> frame)
    {
        Need(frame.Length, Of10Codec.PacketInDataOffset, 0, "ofp_packet_in");
        return new PacketIn(datapathId)
        {
            BufferId = U32(frame, 8), TotalLength = U16(frame, 12), InPort = FromWirePort(U16(frame, 14)),
            Reason = (PacketInReason)Math.Min(frame[16], (byte)2), Data = frame[Of10Codec.PacketInDataOffset..].ToArray(),
        };
    }

    /// <summary>A decoded flow-removed as the control event.</summary>
    public static FlowRemoved ToFlowRemoved(ulong datapathId, FlowRemovedMessage m) => new(datapathId)
    {
        Cookie = m.Cookie, Priority = m.Priority, Reason = (FlowRemovedReason)Math.Min(m.Reason, (byte)3),
        Match = ToPacketMatch((Of10Match)m.Match), Duration = Duration(m.DurationSeconds, m.DurationNanoseconds),
        PacketCount = m.PacketCount, ByteCount = m.ByteCount,
    };

    public static SwitchPort ToSwitchPort(OfPort port) =>
        new(FromWirePort((ushort)port.PortNumber), port.HardwareAddress, port.Name, port.IsUp);
}
