using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;
using SdnDashboard.Dashboard.Demo;

namespace SdnDashboard.Tests.Demo;

public sealed class DemoHostTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MacAddress Vmac = MacAddress.Parse("02:00:0a:00:00:64");
    private const uint Vip = 0x0A00_0064;

    [Fact]
    public void Client_ArpsForTheService_ThenSendsSynsEveryInterval_AndCountsSynAcks()
    {
        var client = DemoTopology.CreateClients(1, TimeSpan.FromSeconds(4))[0];
        client.Arrive(T0, T0.AddMinutes(5));

        var arp = FrameReader.Read(client.Tick(T0)!);
        Assert.Equal((true, Vip, MacAddress.Broadcast), (arp.IsArp, arp.ArpTargetIp, arp.EthDst));
        Assert.Null(client.Tick(T0.AddSeconds(1)));
        Assert.Null(client.Receive(FrameBuilder.BuildArpReply(Vmac, Vip, client.Mac, client.Ip), T0.AddSeconds(1)));

        var syn = FrameReader.Read(client.Tick(T0.AddSeconds(1))!);
        Assert.Equal((Vmac, Vip, (ushort)80), (syn.EthDst, syn.Ipv4Dst, syn.TpDst));
        Assert.Null(client.Tick(T0.AddSeconds(4)));
        Assert.NotNull(client.Tick(T0.AddSeconds(5)));

        client.Receive(FrameBuilder.BuildTcp(Vmac, client.Mac, Vip, client.Ip, 80, syn.TpSrc, 0x12), T0.AddSeconds(5));
        Assert.Equal((2L, 1L), (client.SynsSent, client.Answered));
    }

    [Fact]
    public void Vm_AnswersArpForItsAddress_AndSynsToPort80_NothingElse()
    {
        var vm = DemoTopology.CreateVms()[0];
        var client = MacAddress.Parse("02:00:00:00:10:07");

        var arp = FrameReader.Read(vm.Receive(FrameBuilder.BuildArpRequest(Vmac, Vip, vm.Ip), T0)!);
        Assert.Equal((FrameBuilder.ArpReply, vm.Mac, Vmac), (arp.ArpOperation, arp.ArpSenderMac, arp.EthDst));
        Assert.Null(vm.Receive(FrameBuilder.BuildArpRequest(Vmac, Vip, vm.Ip + 1), T0));

        var synAck = FrameReader.Read(vm.Receive(FrameBuilder.BuildTcp(client, vm.Mac, 0x0A00_0107, vm.Ip, 40001, 80), T0)!);
        Assert.Equal((client, 0x0A00_0107u, (ushort)80, (ushort)40001), (synAck.EthDst, synAck.Ipv4Dst, synAck.TpSrc, synAck.TpDst));
        Assert.Null(vm.Receive(FrameBuilder.BuildTcp(client, vm.Mac, 0x0A00_0107, vm.Ip, 40001, 22), T0));
    }

    [Fact]
    public void Population_FillsToTarget_ClientsLeaveAfterTheirStay_AndOthersArrive()
    {
        var clients = DemoTopology.CreateClients(8, TimeSpan.FromSeconds(4));
        var population = new DemoClientPopulation(clients, 4, new Random(3)) { MinStay = TimeSpan.FromSeconds(20), MaxStay = TimeSpan.FromSeconds(30) };
        var everPresent = new HashSet<string>();
        for (var t = 0.0; t <= 120; t += 0.25)
        {
            population.Tick(T0.AddSeconds(t));
            Assert.InRange(population.Present, 0, 4);
            everPresent.UnionWith(clients.Where(c => c.IsPresent).Select(c => c.Name));
            if (t == 1.0)
            {
                Assert.Equal(4, population.Present);
            }
        }

        Assert.True(everPresent.Count > 4, $"only {everPresent.Count} distinct clients in two minutes");
    }
}
