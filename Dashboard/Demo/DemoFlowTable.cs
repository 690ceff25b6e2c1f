using System.Net;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.OpenFlow.Messages;

namespace SdnDashboard.Dashboard.Demo;

/// <summary>
/// One OpenFlow 1.3 flow table, as far as the controller apps use it: add (replacing an identical match and
/// priority), modify, delete and their strict forms, priorities, cookies with masks, out-port filters, idle
/// and hard timeouts on the caller's clock, flow-removed events, and match prerequisites enforced as a switch
/// does. Not thread-safe: the owning switch serialises access.
/// </summary>
public sealed class DemoFlowTable(ulong datapathId)
{
    private readonly List<DemoFlow> _flows = [];

    public IReadOnlyList<DemoFlow> Flows => _flows;

    /// <summary>
    /// Applies a flow-mod; returns the flow-removed events it causes. Throws <see cref="InvalidOperationException"/>
    /// for a match a switch rejects (OFPBMC_BAD_PREREQ).
    /// </summary>
    public IReadOnlyList<FlowRemoved> Apply(FlowModCommandMessage mod, DateTimeOffset now, IReadOnlyList<OfInstruction>? instructions = null)
    {
        ArgumentNullException.ThrowIfNull(mod);
        CheckPrerequisites(mod.Match);
        switch (mod.Command)
        {
            case FlowModCommand.Add:
                _flows.RemoveAll(f => f.Priority == mod.Priority && f.Match == mod.Match);
                _flows.Add(new DemoFlow
                {
                    Priority = mod.Priority,
                    Match = mod.Match,
                    Actions = mod.Actions,
                    Instructions = instructions ?? [],
                    Cookie = mod.Cookie,
                    IdleTimeoutSeconds = mod.IdleTimeoutSeconds,
                    HardTimeoutSeconds = mod.HardTimeoutSeconds,
                    SendFlowRemoved = mod.SendFlowRemoved,
                    InstalledAt = now,
                    LastUsed = now,
                });
                return [];
            case FlowModCommand.Modify:
            case FlowModCommand.ModifyStrict:
                foreach (var flow in _flows.Where(f => Selects(mod, f, strict: mod.Command == FlowModCommand.ModifyStrict)))
                {
                    flow.Actions = mod.Actions;
                    flow.Instructions = instructions ?? [];
                }

                return [];
            default:
                var removed = _flows.Where(f => Selects(mod, f, strict: mod.Command == FlowModCommand.DeleteStrict)).ToList();
                _flows.RemoveAll(removed.Contains);
                return [.. removed.Where(f => f.SendFlowRemoved).Select(f => Removed(f, FlowRemovedReason.Delete, now))];
        }
    }

    /// <summary>The highest-priority flow matching a frame at a port, counted as used now; <c>null</c> = table miss.</summary>
    public DemoFlow? Lookup(in FrameHeaders frame, uint inPort, int frameLength, DateTimeOffset now)
    {
        DemoFlow? best = null;
        foreach (var flow in _flows)
        {
            if ((best is null || flow.Priority > best.Priority) && Matches(flow.Match, frame, inPort))
            {
                best = flow;
            }
        }

        if (best is not null)
        {
            best.LastUsed = now;
            best.PacketCount++;
            best.ByteCount += (ulong)frameLength;
        }

        return best;
    }

    /// <summary>Removes the flows whose idle or hard timeout has passed; returns their flow-removed events.</summary>
    public IReadOnlyList<FlowRemoved> Expire(DateTimeOffset now)
    {
        List<FlowRemoved>? events = null;
        for (var i = _flows.Count - 1; i >= 0; i--)
        {
            var flow = _flows[i];
            FlowRemovedReason? reason =
                flow.HardTimeoutSeconds > 0 && now - flow.InstalledAt >= TimeSpan.FromSeconds(flow.HardTimeoutSeconds) ? FlowRemovedReason.HardTimeout
                : flow.IdleTimeoutSeconds > 0 && now - flow.LastUsed >= TimeSpan.FromSeconds(flow.IdleTimeoutSeconds) ? FlowRemovedReason.IdleTimeout
                : null;
            if (reason is { } r)
            {
                _flows.RemoveAt(i);
                if (flow.SendFlowRemoved)
                {
                    (events ??= []).Add(Removed(flow, r, now));
                }
            }
        }

        return events ?? (IReadOnlyList<FlowRemoved>)[];
    }

    /// <summary>Whether every field a match sets equals the frame's (OpenFlow 1.3 semantics).</summary>
    public static bool Matches(PacketMatch match, in FrameHeaders frame, uint inPort)
    {
        ArgumentNullException.ThrowIfNull(match);
        return (match.InPort is not { } p || p == inPort)
            && (match.EthSrc is not { } src || src == frame.EthSrc)
            && (match.EthDst is not { } dst || dst == frame.EthDst)
            && (match.EthType is not { } type || type == frame.EthType)
            && (match.VlanId is not { } vlan || vlan == frame.VlanId)
            && (match.IpProto is not { } proto || (frame.IsIpv4 && proto == frame.IpProto))
            && (match.Ipv4Src is null || (frame.IsIpv4 && Ipv4.ToUInt32(match.Ipv4Src) == frame.Ipv4Src))
            && (match.Ipv4Dst is null || (frame.IsIpv4 && Ipv4.ToUInt32(match.Ipv4Dst) == frame.Ipv4Dst))
            && (match.TpSrc is not { } tpSrc || (frame.HasPorts && tpSrc == frame.TpSrc))
            && (match.TpDst is not { } tpDst || (frame.HasPorts && tpDst == frame.TpDst))
            && (match.ArpTpa is null || (frame.IsArp && Ipv4.ToUInt32(match.ArpTpa) == frame.ArpTargetIp));
    }

    private static bool Selects(FlowModCommandMessage mod, DemoFlow flow, bool strict) =>
        (flow.Cookie & mod.CookieMask) == (mod.Cookie & mod.CookieMask)
        && (mod.OutPort == OfPorts.Any || flow.OutputsTo(mod.OutPort))
        && (strict ? flow.Priority == mod.Priority && flow.Match == mod.Match : Covers(mod.Match, flow.Match));

    /// <summary>Non-strict selection: every field the general match sets is set to the same value in the flow's.</summary>
    private static bool Covers(PacketMatch general, PacketMatch specific) =>
        Same(general.InPort, specific.InPort) && Same(general.EthSrc, specific.EthSrc) && Same(general.EthDst, specific.EthDst)
        && Same(general.EthType, specific.EthType) && Same(general.VlanId, specific.VlanId) && Same(general.IpProto, specific.IpProto)
        && Same(general.Ipv4Src, specific.Ipv4Src) && Same(general.Ipv4Dst, specific.Ipv4Dst) && Same(general.TpSrc, specific.TpSrc)
        && Same(general.TpDst, specific.TpDst) && Same(general.ArpTpa, specific.ArpTpa);

    private static bool Same<T>(T? general, T? specific)
        where T : struct => general is not { } g || (specific is { } s && EqualityComparer<T>.Default.Equals(g, s));

    private static bool Same(IPAddress? general, IPAddress? specific) => general is null || general.Equals(specific);

    private static void CheckPrerequisites(PacketMatch match)
    {
        if ((match.Ipv4Src ?? match.Ipv4Dst) is not null || match.IpProto is not null)
        {
            Require(match.EthType == EtherTypes.Ipv4, "IPv4 fields need EthType 0x0800", match);
        }

        if (match.TpSrc is not null || match.TpDst is not null)
        {
            Require(match.IpProto is EtherTypes.TcpProtocol or EtherTypes.UdpProtocol, "ports need IpProto 6 or 17", match);
        }

        if (match.ArpTpa is not null)
        {
            Require(match.EthType == EtherTypes.Arp, "ARP fields need EthType 0x0806", match);
        }
    }

    private static void Require(bool condition, string rule, PacketMatch match)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"A switch rejects this match (OFPBMC_BAD_PREREQ: {rule}): {match}");
        }
    }

    private FlowRemoved Removed(DemoFlow flow, FlowRemovedReason reason, DateTimeOffset now) => new(datapathId)
    {
        Cookie = flow.Cookie,
        Priority = flow.Priority,
        Reason = reason,
        Match = flow.Match,
        Duration = now - flow.InstalledAt,
        PacketCount = flow.PacketCount,
        ByteCount = flow.ByteCount,
    };
}
