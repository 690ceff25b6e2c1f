using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Balancing.Algorithms;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Control.Apps;

/// <summary>
/// The paper's control module: answers ARP for each service's virtual IP with its virtual MAC, gives a new
/// client's first packet to a member (the one its affinity names, else the service's algorithm's pick among
/// the eligible members), installs the forward flow (client to VIP, rewritten to the member) and the reverse
/// flow (member to client, rewritten back to the VIP), and releases the packet through the same rewrite.
/// Only service traffic is consumed (ARP for a VIP, IPv4 to a VIP, a member's replies to a client it holds);
/// everything else falls through to the learning switch.
/// </summary>
/// <remarks>
/// Hosts are located from the packet-ins themselves; a member not yet seen on a switch is probed with an ARP
/// request from the virtual address (flooded), at most once per <see cref="BalancerSettings.ProbeInterval"/>.
/// </remarks>
public sealed class LoadBalancerApp(BalancerState state) : IControllerApp
{
    private MemberCandidate[] _candidates = new MemberCandidate[16];
    private MemberRuntime[] _candidateMembers = new MemberRuntime[16];
    private long _malformedFrames;

    public int Order => 10;

    /// <summary>Packet-ins whose frame could not be read; they are left to the next app.</summary>
    public long MalformedFrames => Interlocked.Read(ref _malformedFrames);

    public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(controllerEvent);
        lock (state.Gate)
        {
            switch (controllerEvent)
            {
                case PacketIn packetIn:
                    return OnPacketIn(packetIn, now);
                case FlowRemoved removed:
                    return OnFlowRemoved(removed, now);
                case SwitchConnected connected:
                    state.SwitchConnected(connected.DatapathId);

                    // Flows of a previous controller run name decisions this one does not know.
                    return [BalancerState.DeleteFlows(connected.DatapathId, FlowCookie.Tag, FlowCookie.TagMask)];
                case SwitchDisconnected disconnected:
                    state.SwitchDisconnected(disconnected.DatapathId);
                    return [];
                case PortStatusChanged status when status.Change == PortChange.Deleted || !status.Port.IsUp:
                    state.ForgetPort(status.DatapathId, status.Port.Number);
                    return [];
                default:
                    return [];
            }
        }
    }

    private IReadOnlyList<SwitchCommand> OnPacketIn(PacketIn packetIn, DateTimeOffset now)
    {
        if (!FrameReader.TryRead(packetIn.Data.Span, out var frame))
        {
            Interlocked.Increment(ref _malformedFrames);
            return [];
        }

        state.Sweep(now);
        if (!frame.EthSrc.IsMulticast)
        {
            state.Learn(packetIn.DatapathId, frame.EthSrc, packetIn.InPort);
        }

        if (frame.IsArp)
        {
            if (state.ServiceByVip(frame.ArpTargetIp) is not { } target || frame.ArpSenderIp == target.Vip)
            {
                return [];
            }

            // A reply to the VIP answers one of our probes: its sender is located now, nobody else needs it.
            return frame.ArpOperation == FrameBuilder.ArpRequest ? AnswerArp(target, packetIn, frame, now) : [Release(packetIn, [])];
        }

        if (!frame.IsIpv4)
        {
            return [];
        }

        if (state.ServiceByVip(frame.Ipv4Dst) is { } service)
        {
            // The VIP has no host behind it: traffic to it on another port is dropped, not flooded.
            return service.MatchesPort(frame, destination: true) ? Forward(service, packetIn, frame, now) : [Release(packetIn, [])];
        }

        return state.MembersByMac(frame.EthSrc) is { } members ? Reverse(members, packetIn, frame, now) : [];
    }

    private IReadOnlyList<SwitchCommand> AnswerArp(ServiceRuntime service, PacketIn packetIn, in FrameHeaders frame, DateTimeOffset now)
    {
        // A client that asks for the VIP is about to connect: find the members now, before its first packet.
        var commands = new List<SwitchCommand>();
        Probe(service, packetIn.DatapathId, now, commands);
        commands.Add(new PacketOutCommand(packetIn.DatapathId)
        {
            InPort = OfPorts.Controller,
            Actions = [new OutputAction(packetIn.InPort)],
            Data = FrameBuilder.BuildArpReply(service.Vmac, service.Vip, frame.ArpSenderMac, frame.ArpSenderIp),
        });
        return commands;
    }

    private IReadOnlyList<SwitchCommand> Forward(ServiceRuntime service, PacketIn packetIn, in FrameHeaders frame, DateTimeOffset now)
    {
        var dpid = packetIn.DatapathId;
        var key = service.Mode == AffinityMode.SourceIp ? frame.Ipv4Src : frame.EthSrc.Value;
        var commands = new List<SwitchCommand>();
        var entry = state.FindAffinity(service, key, now, commands);
        if (entry is not null && state.ServingProblem(entry.Member, datapathId: null, now) is not null)
        {
            // The member's VM stopped or its monitoring went stale: re-balance rather than black-hole the client.
            state.Forget(entry, commands);
            entry = null;
        }

        if (entry is not null && state.Locate(dpid, entry.Member.Mac) is null)
        {
            // The member is alive but not yet located on this switch (it reconnected, or the client came in
            // elsewhere): keep the affinity, probe, and let the client's retransmission through later.
            Probe(service, dpid, now, commands);
            commands.Add(Release(packetIn, []));
            return commands;
        }

        if (entry is null)
        {
            var member = Choose(service, dpid, key, now);
            if (member is null)
            {
                // No member can take the client: drop the packet (a packet-out without actions frees its
                // buffer) rather than let the learning switch flood service traffic; the client retries.
                Probe(service, dpid, now, commands);
                commands.Add(Release(packetIn, []));
                return commands;
            }

            entry = state.Assign(service, member, key, frame.EthSrc, frame.Ipv4Src, now);
        }

        entry.LastSeen = now;
        entry.ClientMac = frame.EthSrc;
        entry.ClientIp = frame.Ipv4Src;
        entry.ClientDatapathId = dpid;
        entry.ClientPort = packetIn.InPort;
        var memberPort = state.Locate(dpid, entry.Member.Mac)!.Value;
        var (forward, _) = InstallFlows(service, entry, dpid, memberPort, packetIn.InPort, commands);
        commands.Add(Release(packetIn, forward));
        Probe(service, dpid, now, commands);
        return commands;
    }

    private IReadOnlyList<SwitchCommand> Reverse(List<MemberRuntime> members, PacketIn packetIn, in FrameHeaders frame, DateTimeOffset now)
    {
        foreach (var member in members)
        {
            var service = member.Service;
            if (frame.Ipv4Src != member.Ip || !service.MatchesPort(frame, destination: false))
            {
                continue;
            }

            var key = service.Mode == AffinityMode.SourceIp ? frame.Ipv4Dst : frame.EthDst.Value;
            var commands = new List<SwitchCommand>();
            var entry = state.FindAffinity(service, key, now, commands);
            if (entry is null || entry.Member != member)
            {
                if (commands.Count > 0)
                {
                    return commands;
                }

                continue;
            }

            var clientPort = entry.ClientDatapathId == packetIn.DatapathId ? entry.ClientPort : state.Locate(packetIn.DatapathId, entry.ClientMac);
            if (clientPort is not { } port)
            {
                continue;
            }

            var (_, reverse) = InstallFlows(service, entry, packetIn.DatapathId, packetIn.InPort, port, commands);
            commands.Add(Release(packetIn, reverse));
            return commands;
        }

        return [];
    }

    private MemberRuntime? Choose(ServiceRuntime service, ulong datapathId, ulong key, DateTimeOffset now)
    {
        if (_candidates.Length < service.Members.Count)
        {
            _candidates = new MemberCandidate[service.Members.Count * 2];
            _candidateMembers = new MemberRuntime[service.Members.Count * 2];
        }

        var count = 0;
        foreach (var member in service.Members)
        {
            if (state.Ineligibility(member, datapathId, now) is not null)
            {
                continue;
            }

            _candidateMembers[count] = member;
            _candidates[count++] = new MemberCandidate(
                member.Id, member.NameHash, member.Definition.Weight, state.LoadOf(member), member.ActiveClients, member.AssignedSinceSample);
        }

        return count == 0 ? null : _candidateMembers[service.Algorithm.Select(_candidates.AsSpan(0, count), key)];
    }

    private void Probe(ServiceRuntime service, ulong datapathId, DateTimeOffset now, List<SwitchCommand> commands)
    {
        foreach (var member in service.Members)
        {
            if (state.Locate(datapathId, member.Mac) is not null || now - member.LastProbeAt < state.Settings.ProbeInterval)
            {
                continue;
            }

            member.LastProbeAt = now;
            commands.Add(new PacketOutCommand(datapathId)
            {
                InPort = OfPorts.Controller,
                Actions = [new OutputAction(OfPorts.Flood)],
                Data = FrameBuilder.BuildArpRequest(service.Vmac, service.Vip, member.Ip),
            });
        }
    }

    /// <summary>Adds the forward and reverse flow-mods of a decision; returns their action lists.</summary>
    private (FlowAction[] Forward, FlowAction[] Reverse) InstallFlows(
        ServiceRuntime service, AffinityRecord entry, ulong datapathId, uint memberPort, uint clientPort, List<SwitchCommand> commands)
    {
        var member = entry.Member;
        var byIp = service.Mode == AffinityMode.SourceIp;
        var clientIp = Ipv4.ToAddress(entry.ClientIp);
        var forwardMatch = new PacketMatch
        {
            EthType = EtherTypes.Ipv4,
            EthSrc = byIp ? null : entry.ClientMac,
            Ipv4Src = byIp ? clientIp : null,
            Ipv4Dst = service.VipAddress,
            IpProto = service.Port is null ? null : service.Protocol,
            TpDst = service.Port,
        };
        var reverseMatch = new PacketMatch
        {
            EthType = EtherTypes.Ipv4,
            EthSrc = member.Mac,
            EthDst = byIp ? null : entry.ClientMac,
            Ipv4Src = member.IpAddress,
            Ipv4Dst = byIp ? clientIp : null,
            IpProto = service.Port is null ? null : service.Protocol,
            TpSrc = service.Port,
        };
        FlowAction[] forward = [new SetEthDstAction(member.Mac), new SetIpv4DstAction(member.IpAddress), new OutputAction(memberPort)];
        FlowAction[] reverse = [new SetEthSrcAction(service.Vmac), new SetIpv4SrcAction(service.VipAddress), new OutputAction(clientPort)];
        var cookie = entry.ForwardCookie;
        commands.Add(Flow(datapathId, forwardMatch, forward, cookie));
        commands.Add(Flow(datapathId, reverseMatch, reverse, cookie | 1));
        entry.FlowSwitches.Add(datapathId);
        return (forward, reverse);
    }

    private FlowModCommandMessage Flow(ulong datapathId, PacketMatch match, FlowAction[] actions, ulong cookie) => new(datapathId)
    {
        Priority = state.Settings.FlowPriority,
        Match = match,
        Actions = actions,
        Cookie = cookie,
        IdleTimeoutSeconds = state.Settings.FlowIdleTimeoutSeconds,
        SendFlowRemoved = true,
    };

    private static PacketOutCommand Release(PacketIn packetIn, FlowAction[] actions) => new(packetIn.DatapathId)
    {
        BufferId = packetIn.BufferId,
        InPort = packetIn.InPort,
        Actions = actions,
        Data = packetIn.BufferId == OfPorts.NoBuffer ? packetIn.Data : default,
    };

    private IReadOnlyList<SwitchCommand> OnFlowRemoved(FlowRemoved removed, DateTimeOffset now)
    {
        if (!FlowCookie.IsBalancer(removed.Cookie) || state.ServiceById(FlowCookie.ServiceId(removed.Cookie)) is not { } service
            || !service.ByDecision.TryGetValue(FlowCookie.Decision(removed.Cookie), out var entry)
            || entry.ForwardCookie != (removed.Cookie & FlowCookie.DecisionMask))
        {
            return [];
        }

        var held = entry.FlowSwitches.Remove(removed.DatapathId);
        if (removed.Reason is FlowRemovedReason.Delete or FlowRemovedReason.GroupDelete || !held)
        {
            return [];
        }

        // An idle timeout means the client was active until about one timeout ago.
        var activeUntil = now - TimeSpan.FromSeconds(state.Settings.FlowIdleTimeoutSeconds);
        if (activeUntil > entry.LastSeen)
        {
            entry.LastSeen = activeUntil;
        }

        // Forward and reverse flows live and die together, so a reply never slips past the rewrite.
        var commands = new List<SwitchCommand> { BalancerState.DeleteFlows(removed.DatapathId, entry.ForwardCookie, FlowCookie.DecisionMask) };
        if (service.Mode == AffinityMode.None && entry.FlowSwitches.Count == 0)
        {
            state.Forget(entry, commands);
        }

        return commands;
    }
}
