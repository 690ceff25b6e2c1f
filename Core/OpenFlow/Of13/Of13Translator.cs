using System.Net;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow.Messages;
using static SdnDashboard.Core.OpenFlow.WireSpan;

namespace SdnDashboard.Core.OpenFlow.Of13;

/// <summary>
/// Between the version-neutral control model (<see cref="PacketMatch"/>, <see cref="FlowAction"/>, commands and
/// events) and OpenFlow 1.3: matches as OXM, actions in one apply-actions instruction, rewrites as set-field.
/// The command writers go straight to bytes so the flow-mod path allocates nothing.
/// </summary>
public static class Of13Translator
{
    /// <summary><c>enum oxm_ofb_match_fields</c> values used by <see cref="PacketMatch"/>.</summary>
    public const byte OxmInPort = 0;
    public const byte OxmEthDst = 3;
    public const byte OxmEthSrc = 4;
    public const byte OxmEthType = 5;
    public const byte OxmVlanVid = 6;
    public const byte OxmIpProto = 10;
    public const byte OxmIpv4Src = 11;
    public const byte OxmIpv4Dst = 12;
    public const byte OxmTcpSrc = 13;
    public const byte OxmTcpDst = 14;
    public const byte OxmUdpSrc = 15;
    public const byte OxmUdpDst = 16;
    public const byte OxmArpTpa = 23;

    /// <summary>OFPVID_PRESENT: set in VLAN_VID when a tag is there.</summary>
    public const ushort VlanPresent = 0x1000;

    private const byte ProtoUdp = 17;

    /// <summary>Length of the <c>ofp_match</c> for <paramref name="match"/>, padding included.</summary>
    public static int MatchLength(PacketMatch match) => Pad8(Of13Codec.MatchHeaderSize + OxmLength(match));

    private static int OxmLength(PacketMatch m) =>
        (m.InPort.HasValue ? 8 : 0) + (m.EthDst.HasValue ? 10 : 0) + (m.EthSrc.HasValue ? 10 : 0) + (m.EthType.HasValue ? 6 : 0)
        + (m.VlanId.HasValue ? 6 : 0) + (m.IpProto.HasValue ? 5 : 0) + (m.Ipv4Src is null ? 0 : 8) + (m.Ipv4Dst is null ? 0 : 8)
        + (m.TpSrc.HasValue ? 6 : 0) + (m.TpDst.HasValue ? 6 : 0) + (m.ArpTpa is null ? 0 : 8);

    /// <summary>Writes <paramref name="match"/> as an <c>ofp_match</c> of OXM TLVs, prerequisites first; returns the padded length.</summary>
    public static int WriteMatch(PacketMatch match, Span<byte> d)
    {
        var p = Of13Codec.MatchHeaderSize;
        if (match.InPort is { } inPort)
        {
            p = OxmU32(d, p, OxmInPort, inPort);
        }

        if (match.EthDst is { } ethDst)
        {
            p = OxmMac(d, p, OxmEthDst, ethDst);
        }

        if (match.EthSrc is { } ethSrc)
        {
            p = OxmMac(d, p, OxmEthSrc, ethSrc);
        }

        if (match.EthType is { } ethType)
        {
            p = OxmU16(d, p, OxmEthType, ethType);
        }

        if (match.VlanId is { } vlan)
        {
            p = OxmU16(d, p, OxmVlanVid, (ushort)(vlan | VlanPresent));
        }

        if (match.IpProto is { } proto)
        {
            WriteU32(d, p, OxmHeader(OxmIpProto, 1));
            d[p + 4] = proto;
            p += 5;
        }

        if (match.Ipv4Src is { } src)
        {
            p = OxmU32(d, p, OxmIpv4Src, Ipv4ToUInt(src));
        }

        if (match.Ipv4Dst is { } dst)
        {
            p = OxmU32(d, p, OxmIpv4Dst, Ipv4ToUInt(dst));
        }

        var udp = match.IpProto == ProtoUdp;
        if (match.TpSrc is { } tpSrc)
        {
            p = OxmU16(d, p, udp ? OxmUdpSrc : OxmTcpSrc, tpSrc);
        }

        if (match.TpDst is { } tpDst)
        {
            p = OxmU16(d, p, udp ? OxmUdpDst : OxmTcpDst, tpDst);
        }

        if (match.ArpTpa is { } tpa)
        {
            p = OxmU32(d, p, OxmArpTpa, Ipv4ToUInt(tpa));
        }

        WriteU16(d, 0, 1);
        WriteU16(d, 2, p);
        var padded = Pad8(p);
        d[p..padded].Clear();
        return padded;
    }

    /// <summary>The OXM TLVs of <paramref name="match"/> alone (no ofp_match header), for the message model.</summary>
    public static OxmMatch ToOxmMatch(PacketMatch match)
    {
        var buffer = new byte[MatchLength(match)];
        WriteMatch(match, buffer);
        return new OxmMatch(buffer.AsMemory(Of13Codec.MatchHeaderSize, OxmLength(match)));
    }

    private static uint OxmHeader(byte field, int length) => ((uint)OxmReader.OpenFlowBasic << 16) | ((uint)field << 9) | (uint)length;

    private static int OxmU32(Span<byte> d, int p, byte field, uint value)
    {
        WriteU32(d, p, OxmHeader(field, 4));
        WriteU32(d, p + 4, value);
        return p + 8;
    }

    private static int OxmU16(Span<byte> d, int p, byte field, ushort value)
    {
        WriteU32(d, p, OxmHeader(field, 2));
        WriteU16(d, p + 4, value);
        return p + 6;
    }

    private static int OxmMac(Span<byte> d, int p, byte field, MacAddress mac)
    {
        WriteU32(d, p, OxmHeader(field, 6));
        mac.Write(d[(p + 4)..]);
        return p + 10;
    }

    /// <summary>IPv4 address as its network-order integer.</summary>
    public static uint Ipv4ToUInt(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || !address.TryWriteBytes(bytes, out _))
        {
            throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        }

        return U32(bytes, 0);
    }

    /// <summary>Network-order integer to IPv4 address.</summary>
    public static IPAddress UIntToIpv4(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        WriteU32(bytes, 0, value);
        return new IPAddress(bytes);
    }

    /// <summary>
    /// The fields of <paramref name="match"/> that <see cref="PacketMatch"/> can say; masked fields and fields it
    /// has no property for are left out (so a match with them reads wider than it is).
    /// </summary>
    public static PacketMatch ToPacketMatch(OxmMatch match)
    {
        var result = new PacketMatch();
        var reader = match.GetReader();
        while (reader.MoveNext())
        {
            if (reader.Class != OxmReader.OpenFlowBasic || reader.HasMask)
            {
                continue;
            }

            var v = reader.Value;
            result = (reader.Field, v.Length) switch
            {
                (OxmInPort, 4) => result with { InPort = U32(v, 0) },
                (OxmEthDst, 6) => result with { EthDst = MacAddress.Read(v) },
                (OxmEthSrc, 6) => result with { EthSrc = MacAddress.Read(v) },
                (OxmEthType, 2) => result with { EthType = U16(v, 0) },
                (OxmVlanVid, 2) => result with { VlanId = (ushort)(U16(v, 0) & 0x0FFF) },
                (OxmIpProto, 1) => result with { IpProto = v[0] },
                (OxmIpv4Src, 4) => result with { Ipv4Src = UIntToIpv4(U32(v, 0)) },
                (OxmIpv4Dst, 4) => result with { Ipv4Dst = UIntToIpv4(U32(v, 0)) },
                (OxmTcpSrc or OxmUdpSrc, 2) => result with { TpSrc = U16(v, 0) },
                (OxmTcpDst or OxmUdpDst, 2) => result with { TpDst = U16(v, 0) },
                (OxmArpTpa, 4) => result with { ArpTpa = UIntToIpv4(U32(v, 0)) },
                _ => result,
            };
        }

        return result;
    }

    /// <summary>Bytes <see cref="WriteActions"/> will write.</summary>
    public static int ActionsLength(IReadOnlyList<FlowAction> actions)
    {
        var length = 0;
        for (var i = 0; i < actions.Count; i++)
        {
            // Output, and set-field of a MAC (4+4+6) or IPv4 (4+4+4), all pad to 16.
            length += 16;
        }

        return length;
    }

    /// <summary>Writes the actions (output, set-field); returns their length.</summary>
    public static int WriteActions(IReadOnlyList<FlowAction> actions, Span<byte> d)
    {
        var p = 0;
        for (var i = 0; i < actions.Count; i++)
        {
            var a = d.Slice(p, 16);
            switch (actions[i])
            {
                case OutputAction o:
                    WriteU16(a, 0, Of13Type.ActionOutput);
                    WriteU16(a, 2, 16);
                    WriteU32(a, 4, o.Port);
                    WriteU16(a, 8, o.MaxLength);
                    a[10..].Clear();
                    break;
                case SetEthSrcAction s:
                    SetField(a);
                    OxmMac(a, 4, OxmEthSrc, s.Mac);
                    a[14..].Clear();
                    break;
                case SetEthDstAction s:
                    SetField(a);
                    OxmMac(a, 4, OxmEthDst, s.Mac);
                    a[14..].Clear();
                    break;
                case SetIpv4SrcAction s:
                    SetField(a);
                    OxmU32(a, 4, OxmIpv4Src, Ipv4ToUInt(s.Address));
                    a[12..].Clear();
                    break;
                case SetIpv4DstAction s:
                    SetField(a);
                    OxmU32(a, 4, OxmIpv4Dst, Ipv4ToUInt(s.Address));
                    a[12..].Clear();
                    break;
                default:
                    throw new ArgumentException($"{actions[i].GetType().Name} has no OpenFlow 1.3 encoding", nameof(actions));
            }

            p += 16;
        }

        return p;

        static void SetField(Span<byte> a)
        {
            WriteU16(a, 0, Of13Type.ActionSetField);
            WriteU16(a, 2, 16);
        }
    }

    /// <summary>The actions of apply-actions and write-actions instructions, in order; others are left out.</summary>
    public static IReadOnlyList<FlowAction> ToFlowActions(IReadOnlyList<OfInstruction> instructions)
    {
        var result = new List<FlowAction>();
        foreach (var instruction in instructions)
        {
            var actions = instruction switch
            {
                ApplyActionsInstruction a => a.Actions,
                WriteActionsInstruction w => w.Actions,
                _ => [],
            };
            foreach (var action in actions)
            {
                if (ToFlowAction(action) is { } flowAction)
                {
                    result.Add(flowAction);
                }
            }
        }

        return result;
    }

    private static FlowAction? ToFlowAction(OfAction action)
    {
        if (action is OfOutputAction o)
        {
            return new OutputAction(o.Port, o.MaxLength);
        }

        if (action is not OfSetFieldAction f)
        {
            return null;
        }

        var reader = new OxmReader(f.Oxm.Span);
        if (!reader.MoveNext() || reader.Class != OxmReader.OpenFlowBasic || reader.HasMask)
        {
            return null;
        }

        var v = reader.Value;
        return (reader.Field, v.Length) switch
        {
            (OxmEthSrc, 6) => new SetEthSrcAction(MacAddress.Read(v)),
            (OxmEthDst, 6) => new SetEthDstAction(MacAddress.Read(v)),
            (OxmIpv4Src, 4) => new SetIpv4SrcAction(UIntToIpv4(U32(v, 0))),
            (OxmIpv4Dst, 4) => new SetIpv4DstAction(UIntToIpv4(U32(v, 0))),
            _ => null,
        };
    }

    /// <summary>Bytes <see cref="WriteCommand"/> will write for <paramref name="command"/>.</summary>
    public static int CommandLength(SwitchCommand command) => command switch
    {
        FlowModCommandMessage f => Of13Codec.FlowModSize - Of13Codec.MatchSize + MatchLength(f.Match)
            + (f.Actions.Count == 0 ? 0 : Of13Codec.InstructionActionsSize + ActionsLength(f.Actions)),
        PacketOutCommand p => Of13Codec.PacketOutSize + ActionsLength(p.Actions) + (p.BufferId == OfPorts.NoBuffer ? p.Data.Length : 0),
        BarrierCommand => OfHeader.Size,
        _ => throw new ArgumentException($"{command.GetType().Name} has no OpenFlow 1.3 encoding", nameof(command)),
    };

    /// <summary>Encodes a command as a flow-mod, packet-out or barrier request; returns its length.</summary>
    public static int WriteCommand(SwitchCommand command, uint xid, Span<byte> d)
    {
        int length;
        byte type;
        switch (command)
        {
            case FlowModCommandMessage f:
                WriteU64(d, 8, f.Cookie);
                WriteU64(d, 16, f.CookieMask);
                d[24] = f.TableId;
                d[25] = (byte)f.Command;
                WriteU16(d, 26, f.IdleTimeoutSeconds);
                WriteU16(d, 28, f.HardTimeoutSeconds);
                WriteU16(d, 30, f.Priority);
                WriteU32(d, 32, f.BufferId);
                WriteU32(d, 36, f.OutPort);
                WriteU32(d, 40, OfPorts.Any);
                WriteU16(d, 44, f.SendFlowRemoved ? 1 : 0);
                d.Slice(46, 2).Clear();
                length = 48 + WriteMatch(f.Match, d[48..]);
                if (f.Actions.Count > 0)
                {
                    var actions = WriteActions(f.Actions, d[(length + Of13Codec.InstructionActionsSize)..]);
                    WriteU16(d, length, Of13Type.InstructionApplyActions);
                    WriteU16(d, length + 2, Of13Codec.InstructionActionsSize + actions);
                    d.Slice(length + 4, 4).Clear();
                    length += Of13Codec.InstructionActionsSize + actions;
                }

                type = Of13Type.FlowMod;
                break;
            case PacketOutCommand p:
                WriteU32(d, 8, p.BufferId);
                WriteU32(d, 12, p.InPort);
                d.Slice(18, 6).Clear();
                var actionsLength = WriteActions(p.Actions, d[Of13Codec.PacketOutSize..]);
                WriteU16(d, 16, actionsLength);
                length = Of13Codec.PacketOutSize + actionsLength;
                if (p.BufferId == OfPorts.NoBuffer)
                {
                    p.Data.Span.CopyTo(d[length..]);
                    length += p.Data.Length;
                }

                type = Of13Type.PacketOut;
                break;
            case BarrierCommand:
                length = OfHeader.Size;
                type = Of13Type.BarrierRequest;
                break;
            default:
                throw new ArgumentException($"{command.GetType().Name} has no OpenFlow 1.3 encoding", nameof(command));
        }

        new OfHeader(OfVersion.V13, type, checked((ushort)length), xid).Write(d);
        return length;
    }

    /// <summary>
    /// Decodes a packet-in frame straight into the event, reading the in-port from the OXM match; the frame's
    /// payload is copied (the event outlives the receive buffer).
    /// </summary>
    public static PacketIn ReadPacketIn(ulong datapathId, ReadOnlySpan<byte> frame)
    {
        Need(frame.Length, Of13Codec.PacketInSize, 0, "ofp_packet_in");
        if (U16(frame, 24) != 1)
        {
            throw new OpenFlowException("packet-in match is not OXM", 24);
        }

        int matchLength = U16(frame, 26);
        var dataOffset = 24 + Pad8(matchLength) + 2;
        if (matchLength < Of13Codec.MatchHeaderSize || dataOffset > frame.Length)
        {
            throw new OpenFlowException($"packet-in match length {matchLength} does not fit", 26);
        }

        uint inPort = 0;
        var reader = new OxmReader(frame.Slice(24 + Of13Codec.MatchHeaderSize, matchLength - Of13Codec.MatchHeaderSize), 24 + Of13Codec.MatchHeaderSize);
        while (reader.MoveNext())
        {
            if (reader.Class == OxmReader.OpenFlowBasic && reader.Field == OxmInPort && reader.Value.Length == 4)
            {
                inPort = U32(reader.Value, 0);
            }
        }

        return new PacketIn(datapathId)
        {
            BufferId = U32(frame, 8), TotalLength = U16(frame, 12), Reason = (PacketInReason)Math.Min(frame[14], (byte)2),
            TableId = frame[15], Cookie = U64(frame, 16), InPort = inPort, Data = frame[dataOffset..].ToArray(),
        };
    }

    /// <summary>A decoded flow-removed as the control event.</summary>
    public static FlowRemoved ToFlowRemoved(ulong datapathId, FlowRemovedMessage m) => new(datapathId)
    {
        Cookie = m.Cookie, Priority = m.Priority, Reason = (FlowRemovedReason)Math.Min(m.Reason, (byte)3), TableId = m.TableId,
        Match = ToPacketMatch((OxmMatch)m.Match), Duration = Duration(m.DurationSeconds, m.DurationNanoseconds),
        PacketCount = m.PacketCount, ByteCount = m.ByteCount,
    };

    /// <summary>Seconds and nanoseconds as the wire gives them.</summary>
    public static TimeSpan Duration(uint seconds, uint nanoseconds) => TimeSpan.FromSeconds(seconds) + TimeSpan.FromTicks(nanoseconds / 100);

    public static SwitchPort ToSwitchPort(OfPort port) => new(port.PortNumber, port.HardwareAddress, port.Name, port.IsUp);
}
