using System.Net;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Tests.Control;

public class FlowTextTests
{
    [Fact]
    public void Match_ReadsLikeOvsOfctl()
    {
        var match = new PacketMatch
        {
            InPort = 2, EthSrc = MacAddress.Parse("02:00:00:00:10:01"), EthType = 0x0800, IpProto = 6,
            Ipv4Dst = IPAddress.Parse("10.0.0.100"), TpDst = 80,
        };

        Assert.Equal("in_port=2,dl_src=02:00:00:00:10:01,ip,tcp,nw_dst=10.0.0.100,tp_dst=80", FlowText.Match(match));
        Assert.Equal("(any)", FlowText.Match(PacketMatch.Any));
    }

    [Fact]
    public void Actions_NameReservedPorts_AndAnEmptyListIsDrop()
    {
        FlowAction[] actions = [new SetIpv4SrcAction(IPAddress.Parse("10.0.0.100")), new OutputAction(OfPorts.Controller), new OutputAction(OfPorts.Flood)];

        Assert.Equal("mod_nw_src:10.0.0.100,output:CONTROLLER,output:FLOOD", FlowText.Actions(actions));
        Assert.Equal("drop", FlowText.Actions([]));
    }
}
