using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Tests.Balancing;

/// <summary>
/// The load balancer and the learning switch together on the fake network: six clients with their own MACs,
/// three members behind 10.0.0.100:80.
/// </summary>
public class LoadBalancerScenarioTests
{
    [Fact]
    public void RoundRobin_SixClientsThreeMembers_EachMemberServesExactlyTwo()
    {
        var bed = new BalancerTestbed();
        var served = bed.RequestAll();

        Assert.All(served.Values, Assert.NotNull);
        Assert.All(bed.Members, m => Assert.Equal(2, served.Values.Count(s => s == m)));
        Assert.Equal(["m1", "m2", "m3", "m1", "m2", "m3"], bed.Clients.Select(c => served[c]!.Name));
    }

    [Fact]
    public void Client_ReceivesTheReplyFromTheVirtualAddress_NeverFromTheMember()
    {
        var bed = new BalancerTestbed();
        bed.RequestAll();

        foreach (var client in bed.Clients)
        {
            Assert.Equal(BalancerTestbed.VirtualMac, client.ArpCache[BalancerTestbed.VirtualIp]);
            var reply = Assert.Single(client.ReceivedIp);
            Assert.Equal(BalancerTestbed.VirtualIp, reply.Ipv4Src);
            Assert.Equal(BalancerTestbed.VirtualMac, reply.EthSrc);
            Assert.Equal(BalancerTestbed.ServicePort, reply.TpSrc);
        }

        // The members resolved the clients themselves: the learning switch carried their ARP.
        Assert.All(bed.Members, m => Assert.Equal(2, m.ArpCache.Keys.Count(ip => bed.Clients.Any(c => c.Ip == ip))));
    }

    [Fact]
    public void EveryClient_KeepsItsMember_OnEveryRequest_AndAfterItsFlowsIdleOut_UntilTheAffinityExpires()
    {
        var bed = new BalancerTestbed();
        var first = bed.RequestAll();
        var firstCookies = Cookies(bed);

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(first, bed.RequestAll());
        }

        // Flows idle out after 30 s; the affinity (300 s) survives and the next packet-in gets the same member.
        bed.Network.Advance(TimeSpan.FromSeconds(31));
        Assert.DoesNotContain(bed.Network.Table.Flows, f => FlowCookie.IsBalancer(f.Cookie));
        var packetIns = bed.Network.PacketIns.Count;
        Assert.Equal(first, bed.RequestAll(bed.Clients.AsEnumerable().Reverse()));
        Assert.True(bed.Network.PacketIns.Count > packetIns);
        Assert.Equal(firstCookies, Cookies(bed));

        // Past the affinity timeout the entries are gone and the next request is a new decision.
        bed.Network.Advance(TimeSpan.FromSeconds(31));
        bed.Network.Advance(TimeSpan.FromSeconds(300));
        Assert.Empty(bed.State.Snapshot(bed.Network.Now).Single().Affinities);
        bed.Request(bed.Clients[0]);
        var entry = Assert.Single(bed.State.Snapshot(bed.Network.Now).Single().Affinities);
        Assert.DoesNotContain(entry.Cookie, firstCookies.Values);
    }

    [Fact]
    public void ForwardAndReverseFlows_ArePresentWithTheRewrites()
    {
        var bed = new BalancerTestbed();
        var served = bed.RequestAll();
        var flows = bed.Network.Table.Flows.Where(f => FlowCookie.IsBalancer(f.Cookie)).ToList();
        Assert.Equal(12, flows.Count);
        Assert.All(flows, f =>
        {
            Assert.True(f.SendFlowRemoved);
            Assert.Equal(30, f.IdleTimeoutSeconds);
            Assert.Equal(200, f.Priority);
        });

        foreach (var (client, member) in served)
        {
            // Client to VIP: out of the member's port, addressed to the member.
            var request = FrameBuilder.BuildTcp(client.Mac, BalancerTestbed.VirtualMac, client.Ip, BalancerTestbed.VirtualIp, 50000, 80);
            var (port, frame) = Assert.Single(bed.Network.Trace(client.Port, request));
            Assert.Equal(member!.Port, port);
            var rewritten = FrameReader.Read(frame);
            Assert.Equal(member.Mac, rewritten.EthDst);
            Assert.Equal(member.Ip, rewritten.Ipv4Dst);
            Assert.Equal(client.Ip, rewritten.Ipv4Src);

            // Member to client: out of the client's port, from the VIP.
            var reply = FrameBuilder.BuildTcp(member.Mac, client.Mac, member.Ip, client.Ip, 80, 50000, 0x12);
            (port, frame) = Assert.Single(bed.Network.Trace(member.Port, reply));
            Assert.Equal(client.Port, port);
            rewritten = FrameReader.Read(frame);
            Assert.Equal(BalancerTestbed.VirtualMac, rewritten.EthSrc);
            Assert.Equal(BalancerTestbed.VirtualIp, rewritten.Ipv4Src);
            Assert.Equal(client.Mac, rewritten.EthDst);

            // Other traffic of the pair is not the service's and is not rewritten.
            var other = FrameBuilder.BuildTcp(client.Mac, BalancerTestbed.VirtualMac, client.Ip, BalancerTestbed.VirtualIp, 50000, 443);
            Assert.DoesNotContain(bed.Network.Trace(client.Port, other), o => o.Port == member.Port);
        }

        // The cookie names the service and the member; forward and reverse differ only in bit 0.
        var snapshot = bed.State.Snapshot(bed.Network.Now).Single();
        foreach (var entry in snapshot.Affinities)
        {
            Assert.Equal(snapshot.ServiceId, FlowCookie.ServiceId(entry.Cookie));
            Assert.Equal(int.Parse(entry.Member[1..], System.Globalization.CultureInfo.InvariantCulture), FlowCookie.MemberId(entry.Cookie));
            Assert.Contains(flows, f => f.Cookie == entry.Cookie);
            Assert.Contains(flows, f => f.Cookie == (entry.Cookie | 1));
        }
    }

    [Fact]
    public void ArpForTheVirtualIp_IsAnsweredWithTheVirtualMac_OnTheAskersPort()
    {
        var bed = new BalancerTestbed();
        var client = bed.Clients[2];
        var ask = FrameBuilder.BuildArpRequest(client.Mac, client.Ip, BalancerTestbed.VirtualIp);
        var commands = bed.Network.Pipeline.Handle(new PacketIn(FakeNetwork.DatapathId) { InPort = client.Port, Data = ask }, bed.Network.Now);
        var reply = commands.OfType<PacketOutCommand>().Single(p => p.Actions.SequenceEqual([new OutputAction(client.Port)]));
        var arp = FrameReader.Read(reply.Data.Span);
        Assert.Equal(FrameBuilder.ArpReply, arp.ArpOperation);
        Assert.Equal(BalancerTestbed.VirtualMac, arp.ArpSenderMac);
        Assert.Equal(BalancerTestbed.VirtualIp, arp.ArpSenderIp);
        Assert.Equal(client.Mac, arp.EthDst);
        Assert.Equal(client.Ip, arp.ArpTargetIp);

        // The members not yet located are probed from the virtual address at the same time.
        var probes = commands.OfType<PacketOutCommand>().Where(p => p.Actions.SequenceEqual([new OutputAction(OfPorts.Flood)])).ToList();
        Assert.Equal(bed.Members.Select(m => m.Ip), probes.Select(p => FrameReader.Read(p.Data.Span).ArpTargetIp));
        Assert.All(probes, p => Assert.Equal(BalancerTestbed.VirtualMac, FrameReader.Read(p.Data.Span).ArpSenderMac));
    }

    [Fact]
    public void SilentMembers_AreLocatedByTheirAnswersToTheProbe_ThenChosen()
    {
        var bed = new BalancerTestbed();
        Assert.All(bed.State.Snapshot(bed.Network.Now).Single().Members, m => Assert.Equal((false, "location unknown"), (m.LocationKnown, m.Reason)));

        // A client asks for the virtual address: the answer goes out with ARP probes for the members, and their replies
        // (to the virtual MAC, so to the controller) are the only frames the members have sent.
        var client = bed.Clients[0];
        bed.Network.Send(client, [FrameBuilder.BuildArpRequest(client.Mac, client.Ip, BalancerTestbed.VirtualIp)]);
        Assert.All(bed.Members, m => Assert.Contains(bed.Network.PacketIns, p =>
            p.InPort == m.Port && FrameReader.Read(p.Data.Span) is { IsArp: true, ArpOperation: FrameBuilder.ArpReply } arp
            && arp.ArpSenderMac == m.Mac && arp.EthDst == BalancerTestbed.VirtualMac));
        Assert.All(bed.State.Snapshot(bed.Network.Now).Single().Members, m => Assert.True(m.LocationKnown && m.Eligible, m.Reason));
        Assert.Equal("m1", bed.Request(client)?.Name);
    }

    [Fact]
    public void ClientsAndMembers_StillReachEachOtherDirectly_ThroughTheLearningSwitch()
    {
        var bed = new BalancerTestbed();
        bed.RequestAll();
        var (c1, c2, m1) = (bed.Clients[0], bed.Clients[1], bed.Members[0]);

        bed.Network.Send(c1, c1.Ping(c2.Ip));
        bed.Network.Send(m1, m1.Ping(c2.Ip, 5));

        Assert.Contains(c1.ReceivedIp, h => h.Ipv4Src == c2.Ip && h.IpProto == EtherTypes.IcmpProtocol);
        Assert.Contains(m1.ReceivedIp, h => h.Ipv4Src == c2.Ip && h.IpProto == EtherTypes.IcmpProtocol);
    }

    [Fact]
    public void SwitchingToLeastLoad_KeepsAffinities_AndNewClientsAvoidTheLoadedMember()
    {
        var bed = new BalancerTestbed(clients: 9, withVmNames: true);
        bed.ReportLoads();
        var early = bed.RequestAll(bed.Clients.Take(3));
        Assert.Equal(["m1", "m2", "m3"], early.Values.Select(m => m!.Name));

        var result = bed.State.ReplaceService(bed.Definition with { Algorithm = "LeastLoad" });
        Assert.True(result.Succeeded);
        Assert.Empty(result.Commands);
        bed.Network.Advance(TimeSpan.FromSeconds(1));
        bed.ReportLoads(name => name == "m2" ? new MemberLoad(95, 80, 80_000_000, bed.Network.Now, MemberLoad.Running) : null);

        var late = bed.RequestAll(bed.Clients.Skip(3));
        Assert.DoesNotContain(late.Values, m => m!.Name == "m2");
        Assert.Equal(3, late.Values.Count(m => m!.Name == "m1"));
        Assert.Equal(early, bed.RequestAll(bed.Clients.Take(3)));
    }

    [Fact]
    public void LeastLoad_BurstBetweenSamples_IsSpread_NotPiledOnTheIdlestMember()
    {
        var bed = new BalancerTestbed(algorithm: "LeastLoad", withVmNames: true);
        bed.ReportLoads(name => new MemberLoad(name == "m1" ? 5 : 15, 20, 0, bed.Network.Now, MemberLoad.Running));
        var served = bed.RequestAll();
        Assert.InRange(served.Values.Count(m => m!.Name == "m1"), 2, 4);
        Assert.Equal(3, served.Values.Distinct().Count());
    }

    [Fact]
    public void DrainedMember_GetsNoNewClients_ButKeepsItsOwn()
    {
        var bed = new BalancerTestbed(clients: 8);
        var early = bed.RequestAll(bed.Clients.Take(2));
        Assert.True(bed.State.SetDrained(BalancerTestbed.ServiceName, "m1", drained: true).Succeeded);

        var late = bed.RequestAll(bed.Clients.Skip(2));
        Assert.DoesNotContain(late.Values, m => m!.Name == "m1");
        Assert.Equal(3, late.Values.Count(m => m!.Name == "m2"));
        Assert.Equal(early, bed.RequestAll(bed.Clients.Take(2)));
        Assert.True(bed.State.Snapshot(bed.Network.Now).Single().Members.Single(m => m.Definition.Name == "m1").Drained);

        bed.State.SetDrained(BalancerTestbed.ServiceName, "m1", drained: false);
        bed.State.EvictAffinity(BalancerTestbed.ServiceName, bed.Clients[7].Mac.ToString());
        Assert.NotNull(bed.Request(bed.Clients[7]));
    }

    [Fact]
    public void RemovedMember_ItsFlowsAreDeletedByCookie_AndItsClientsMove()
    {
        var bed = new BalancerTestbed();
        var served = bed.RequestAll();
        var onM3 = served.Where(p => p.Value!.Name == "m3").Select(p => p.Key).ToList();

        var result = bed.State.RemoveMember(BalancerTestbed.ServiceName, "m3");
        Assert.True(result.Succeeded);
        var delete = Assert.IsType<FlowModCommandMessage>(Assert.Single(result.Commands));
        Assert.Equal(FlowModCommand.Delete, delete.Command);
        Assert.Equal(FlowCookie.MemberMask, delete.CookieMask);
        bed.Network.Apply(result.Commands);

        Assert.Equal(8, bed.Network.Table.Flows.Count(f => FlowCookie.IsBalancer(f.Cookie)));
        Assert.Equal(4, bed.State.Snapshot(bed.Network.Now).Single().Affinities.Count);
        var moved = bed.RequestAll(onM3);
        Assert.All(moved.Values, m => Assert.NotEqual("m3", m!.Name));
        Assert.Equal(served.Where(p => p.Value!.Name != "m3"), bed.RequestAll(bed.Clients.Except(onM3)));
    }

    [Fact]
    public void NotRunning_Stale_AndUnlocatedMembers_AreSkipped()
    {
        var bed = new BalancerTestbed(members: 4, absentMembers: new HashSet<int> { 4 }, withVmNames: true);
        bed.ReportLoads(name => name switch
        {
            "m1" => new MemberLoad(1, 1, 0, bed.Network.Now, "shutoff"),
            "m2" => new MemberLoad(1, 1, 0, bed.Network.Now - TimeSpan.FromSeconds(31), MemberLoad.Running),
            _ => null,
        });

        var served = bed.RequestAll();
        Assert.All(served.Values, m => Assert.Equal("m3", m!.Name));
        var members = bed.State.Snapshot(bed.Network.Now).Single().Members.ToDictionary(m => m.Definition.Name);
        Assert.Equal("VM shutoff", members["m1"].Reason);
        Assert.Equal("monitoring stale", members["m2"].Reason);
        Assert.Equal("location unknown", members["m4"].Reason);
        Assert.True(members["m3"].Eligible);

        // The missing member is probed (from the virtual address), at most once per probe interval.
        var probes = bed.Network.Commands.OfType<PacketOutCommand>()
            .Where(p => p.Data.Length > 0 && FrameReader.Read(p.Data.Span) is { IsArp: true, ArpTargetIp: var ip } && ip == BalancerTestbed.MemberIp(4))
            .ToList();
        Assert.Single(probes);
        bed.Network.Advance(TimeSpan.FromSeconds(6));
        bed.ReportLoads();
        bed.Request(bed.Clients[0]);
        Assert.Contains(bed.Network.Commands.OfType<PacketOutCommand>().Skip(probes.Count), p =>
            p.Data.Length > 0 && FrameReader.Read(p.Data.Span).ArpTargetIp == BalancerTestbed.MemberIp(4));
    }

    [Fact]
    public void MemberWhoseVmStops_LosesItsClients_ToARunningMember()
    {
        var bed = new BalancerTestbed(members: 2, clients: 2, withVmNames: true);
        bed.ReportLoads();
        var served = bed.RequestAll();
        Assert.Equal("m1", served[bed.Clients[0]]!.Name);

        bed.Network.Advance(TimeSpan.FromSeconds(31));
        bed.ReportLoads(name => name == "m1" ? new MemberLoad(0, 0, 0, bed.Network.Now, "paused") : null);
        Assert.Equal("m2", bed.Request(bed.Clients[0])!.Name);
    }

    [Fact]
    public void MemberLostFromSight_KeepsItsClients_WhileItIsProbedAgain()
    {
        var bed = new BalancerTestbed();
        var served = bed.RequestAll();
        var client = served.First(p => p.Value!.Name == "m1").Key;
        var port = new SwitchPort(1, BalancerTestbed.MemberMac(1), "p1", IsUp: false);
        bed.Network.Deliver(new PortStatusChanged(FakeNetwork.DatapathId, PortChange.Modified, port));
        bed.Network.Advance(TimeSpan.FromSeconds(31));
        bed.Network.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(bed.Request(client));
        Assert.Equal("m1", bed.Request(client)!.Name);
        Assert.Equal(served, bed.RequestAll());
    }

    [Fact]
    public void NoEligibleMember_ThePacketIsDropped_NotFlooded()
    {
        var bed = new BalancerTestbed(members: 1, clients: 1);
        bed.State.SetDrained(BalancerTestbed.ServiceName, "m1", drained: true);
        Assert.Null(bed.Request(bed.Clients[0]));
        Assert.Equal(0, bed.Members[0].Ignored);
        Assert.DoesNotContain(bed.Network.Table.Flows, f => FlowCookie.IsBalancer(f.Cookie));
    }

    [Fact]
    public void TrafficToTheVirtualIpOnAnotherPort_IsDropped_NotFloodedNorBalanced()
    {
        var bed = new BalancerTestbed(clients: 1);
        var client = bed.Clients[0];
        bed.Request(client);
        var packetIns = bed.Network.PacketIns.Count;

        bed.Network.Send(client, client.SendTcp(BalancerTestbed.VirtualIp, 50000, 443));

        Assert.Equal(packetIns + 1, bed.Network.PacketIns.Count);
        Assert.All(bed.Members, m => Assert.DoesNotContain(m.ReceivedIp, h => h.TpDst == 443));
        Assert.All(bed.Members, m => Assert.Equal(0, m.Ignored));
    }

    [Fact]
    public void WeightedRoundRobin_OnTheNetwork_FollowsTheWeights()
    {
        var bed = new BalancerTestbed(clients: 12, algorithm: "WeightedRoundRobin", weights: [3, 2, 1]);
        var served = bed.RequestAll();
        Assert.Equal(6, served.Values.Count(m => m!.Name == "m1"));
        Assert.Equal(4, served.Values.Count(m => m!.Name == "m2"));
        Assert.Equal(2, served.Values.Count(m => m!.Name == "m3"));
    }

    [Fact]
    public void LeastConnections_FillsTheMemberThatLostItsClients()
    {
        var bed = new BalancerTestbed(clients: 9, algorithm: "LeastConnections");
        var served = bed.RequestAll(bed.Clients.Take(6));
        foreach (var client in served.Where(p => p.Value!.Name == "m2").Select(p => p.Key))
        {
            bed.Network.Apply(bed.State.EvictAffinity(BalancerTestbed.ServiceName, client.Mac.ToString()).Commands);
        }

        var late = bed.RequestAll(bed.Clients.Skip(6).Take(2));
        Assert.All(late.Values, m => Assert.Equal("m2", m!.Name));
    }

    [Fact]
    public void PowerOfTwoChoices_OnTheNetwork_SpreadsClients()
    {
        var bed = new BalancerTestbed(clients: 30, algorithm: "PowerOfTwoChoices");
        var counts = bed.RequestAll().Values.GroupBy(m => m!.Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 8, 12));
    }

    [Fact]
    public void SourceIpAffinity_MatchesOnTheClientAddress()
    {
        var bed = new BalancerTestbed(affinity: "SourceIp");
        var served = bed.RequestAll();
        Assert.All(bed.Members, m => Assert.Equal(2, served.Values.Count(s => s == m)));
        var forward = bed.Network.Table.Flows.Where(f => FlowCookie.IsBalancer(f.Cookie) && !FlowCookie.IsReverse(f.Cookie)).ToList();
        Assert.All(forward, f => Assert.Null(f.Match.EthSrc));
        Assert.Contains(forward, f => f.Match.Ipv4Src!.Equals(Ipv4.ToAddress(bed.Clients[0].Ip)));
        Assert.Equal(bed.Clients[0].Ip.ToString("x8", null), bed.State.Snapshot(bed.Network.Now).Single().Affinities
            .Select(a => Ipv4.ToUInt32(System.Net.IPAddress.Parse(a.Client)).ToString("x8", null)).First());
        Assert.Equal(served, bed.RequestAll());
    }

    [Fact]
    public void ClientActiveOnlyThroughItsFlows_PastTheAffinityTimeout_KeepsItsMember_TheFlowRemovedAgesItsEntry()
    {
        var bed = new BalancerTestbed(members: 3, clients: 1);
        var client = bed.Clients[0];
        var member = bed.Request(client);
        var cookie = Cookies(bed)[client.Mac.ToString()];
        var packetIns = bed.Network.PacketIns.Count;

        // 400 s of traffic (longer than the 300 s affinity) that the switch forwards alone: the controller hears nothing.
        for (var second = 0; second < 400; second += 10)
        {
            bed.Network.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(member, bed.Request(client));
        }

        Assert.Equal(packetIns, bed.Network.PacketIns.Count);

        // The client stops; its flows idle out 30 s later and the flow-removed says it was active until then.
        bed.Network.Advance(TimeSpan.FromSeconds(31));
        Assert.DoesNotContain(bed.Network.Table.Flows, f => FlowCookie.IsBalancer(f.Cookie));
        var entry = Assert.Single(bed.State.Snapshot(bed.Network.Now).Single().Affinities);
        Assert.Equal(bed.Network.Now - TimeSpan.FromSeconds(30), entry.LastSeen);

        // So its next request, a packet-in again, keeps the same decision instead of finding the affinity expired.
        Assert.Equal(member, bed.Request(client));
        Assert.True(bed.Network.PacketIns.Count > packetIns);
        Assert.Equal(cookie, Cookies(bed)[client.Mac.ToString()]);
    }

    [Fact]
    public void ForwardFlowIdlingOut_TakesItsReverseFlowWithIt()
    {
        var bed = new BalancerTestbed(members: 1, clients: 1);
        bed.Request(bed.Clients[0]);
        var forward = bed.Network.Table.Flows.Single(f => FlowCookie.IsBalancer(f.Cookie) && !FlowCookie.IsReverse(f.Cookie));

        // Only the reverse direction carries traffic, so only the forward flow idles out.
        bed.Network.Advance(TimeSpan.FromSeconds(20));
        var reply = FrameBuilder.BuildTcp(bed.Members[0].Mac, bed.Clients[0].Mac, bed.Members[0].Ip, bed.Clients[0].Ip, 80, 40000, 0x10);
        Assert.NotEmpty(bed.Network.Trace(bed.Members[0].Port, reply));
        bed.Network.Advance(TimeSpan.FromSeconds(10));

        Assert.DoesNotContain(bed.Network.Table.Flows, f => FlowCookie.IsBalancer(f.Cookie));
        var entry = Assert.Single(bed.State.Snapshot(bed.Network.Now).Single().Affinities);
        Assert.Empty(entry.FlowSwitches);
        Assert.Equal(forward.Cookie, entry.Cookie);
    }

    [Fact]
    public void ReplyFromAMemberWithoutItsFlow_ReinstallsTheFlowsAndIsRewritten()
    {
        var bed = new BalancerTestbed(members: 1, clients: 1);
        var (client, member) = (bed.Clients[0], bed.Members[0]);
        bed.Request(client);
        bed.Network.Advance(TimeSpan.FromSeconds(31));
        var before = client.ReceivedIp.Count;

        bed.Network.Send(member, member.SendTcp(client.Ip, 80, 40000, 0x10));

        var reply = client.ReceivedIp[before];
        Assert.Equal(BalancerTestbed.VirtualIp, reply.Ipv4Src);
        Assert.Equal(BalancerTestbed.VirtualMac, reply.EthSrc);
        Assert.Equal(2, bed.Network.Table.Flows.Count(f => FlowCookie.IsBalancer(f.Cookie)));
    }

    [Fact]
    public void ReplacingTheVirtualAddress_StartsTheServiceAfresh()
    {
        var bed = new BalancerTestbed();
        bed.RequestAll();
        var result = bed.State.ReplaceService(bed.Definition with { VirtualIp = "10.0.0.200" });
        Assert.True(result.Succeeded);
        Assert.Equal(FlowCookie.ServiceMask, Assert.IsType<FlowModCommandMessage>(Assert.Single(result.Commands)).CookieMask);
        bed.Network.Apply(result.Commands);
        Assert.DoesNotContain(bed.Network.Table.Flows, f => FlowCookie.IsBalancer(f.Cookie));
        Assert.Empty(bed.State.Snapshot(bed.Network.Now).Single().Affinities);
    }

    [Fact]
    public void InvalidRuntimeEdit_IsRefusedWithTheFieldNamed_AndChangesNothing()
    {
        var bed = new BalancerTestbed();
        var definition = bed.Definition with { Members = [bed.Definition.Members[0] with { Mac = "zz" }] };
        var result = bed.State.ReplaceService(definition, "Balancer:Services:0");
        Assert.False(result.Succeeded);
        Assert.StartsWith("Balancer:Services:0:Members:0:Mac 'zz' is not a MAC address", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Equal(3, bed.State.Services.Single().Members.Count);
        Assert.False(bed.State.RemoveMember("web", "m9").Succeeded);
        Assert.False(bed.State.EvictAffinity("web", "not-a-mac").Succeeded);
    }

    [Fact]
    public void Snapshot_IsAnImmutableCopy()
    {
        var bed = new BalancerTestbed();
        bed.RequestAll(bed.Clients.Take(2));
        var before = bed.State.Snapshot(bed.Network.Now);
        bed.RequestAll();
        bed.State.SetDrained("web", "m1", drained: true);
        Assert.Equal(2, before.Single().Affinities.Count);
        Assert.False(before.Single().Members[0].Drained);
        Assert.Equal(6, bed.State.Snapshot(bed.Network.Now).Single().Affinities.Count);
    }

    [Fact]
    public void Reconnect_ClearsOldBalancerFlows_ReprobesTheMembers_AndKeepsAffinities()
    {
        var bed = new BalancerTestbed();
        var served = bed.RequestAll();
        bed.Network.Deliver(new SwitchDisconnected(FakeNetwork.DatapathId, "test"));
        Assert.Empty(bed.State.ConnectedSwitches);
        bed.Network.Connect();
        Assert.Equal([FakeNetwork.DatapathId], bed.State.ConnectedSwitches);
        Assert.DoesNotContain(bed.Network.Table.Flows, f => FlowCookie.IsBalancer(f.Cookie));
        Assert.All(bed.State.Snapshot(bed.Network.Now).Single().Members, m => Assert.False(m.LocationKnown));

        // The first client still has the VIP in its ARP cache: its packet finds no located member and is
        // dropped (not flooded) while the members are probed; from then on every client keeps its member.
        Assert.Null(bed.Request(bed.Clients[0]));
        Assert.All(bed.Members, m => Assert.Equal(0, m.Ignored));
        Assert.Equal(served, bed.RequestAll());
    }

    [Fact]
    public async Task EditsSnapshotsAndLoads_FromOtherThreads_WhilePacketInsArrive_AreSafe()
    {
        var bed = new BalancerTestbed(clients: 1, withVmNames: true);
        bed.ReportLoads();
        Assert.NotNull(bed.Request(bed.Clients[0]));
        var app = bed.LoadBalancer;
        var now = bed.Network.Now;
        var traffic = Task.Run(() =>
        {
            for (var i = 0; i < 3000; i++)
            {
                var mac = new MacAddress(0x5254_0100_0000UL + (ulong)i);
                var frame = FrameBuilder.BuildTcp(mac, BalancerTestbed.VirtualMac, 0x0A01_0000U + (uint)i, BalancerTestbed.VirtualIp, 40000, 80);
                app.Handle(new PacketIn(FakeNetwork.DatapathId) { InPort = 100, Data = frame }, now);
            }
        });
        var edits = Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                bed.State.SetDrained("web", "m1", i % 2 == 0);
                bed.State.UpdateLoads(new Dictionary<string, MemberLoad> { ["vm-m2"] = new(i % 100, 10, 0, now.AddMilliseconds(i + 1), MemberLoad.Running) }, now);
                Assert.Equal(3, bed.State.Snapshot(now).Single().Members.Count);
                if (i % 25 == 0)
                {
                    bed.State.ReplaceService(bed.Definition with { Algorithm = i % 50 == 0 ? "LeastLoad" : "RoundRobin" });
                }
            }
        });
        await Task.WhenAll(traffic, edits);
        var snapshot = bed.State.Snapshot(now).Single();
        Assert.Equal(3001, snapshot.Affinities.Count);
        Assert.Equal(3001, snapshot.Members.Sum(m => m.ActiveClients));
    }

    private static Dictionary<string, ulong> Cookies(BalancerTestbed bed) =>
        bed.State.Snapshot(bed.Network.Now).Single().Affinities.ToDictionary(a => a.Client, a => a.Cookie);
}
