using SdnDashboard.Core.Balancing;

namespace SdnDashboard.Tests.Balancing;

public class ServiceDefinitionValidatorTests
{
    [Fact]
    public void ValidDefinition_HasNoErrors() =>
        Assert.Empty(ServiceDefinitionValidator.ValidateAll([BalancerTestbed.MakeDefinition(3)]));

    [Fact]
    public void BadMemberMac_NamesTheKey()
    {
        var definition = BalancerTestbed.MakeDefinition(3);
        definition = definition with { Members = [definition.Members[0], definition.Members[1], definition.Members[2] with { Mac = "zz" }] };
        var error = Assert.Single(ServiceDefinitionValidator.ValidateAll([definition]));
        Assert.StartsWith("Balancer:Services:0:Members:2:Mac 'zz' is not a MAC address", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void WeightOutOfRange_NamesTheKeyAndRange(int weight)
    {
        var definition = BalancerTestbed.MakeDefinition(2);
        definition = definition with { Members = [definition.Members[0] with { Weight = weight }, definition.Members[1]] };
        Assert.Equal($"Balancer:Services:0:Members:0:Weight is {weight}; allowed 1-1000", Assert.Single(ServiceDefinitionValidator.ValidateAll([definition])));
    }

    [Fact]
    public void EveryBadField_IsReported()
    {
        var definition = BalancerTestbed.MakeDefinition(2) with
        {
            Name = "",
            VirtualIp = "10.0.0",
            VirtualMac = "ff:ff:ff:ff:ff:ff",
            Port = 70000,
            Protocol = "Sctp",
            Algorithm = "Fastest",
            Affinity = new AffinityDefinition { Mode = "Cookie", IdleTimeoutSeconds = 0 },
        };
        definition = definition with { Members = [definition.Members[0], definition.Members[1] with { Name = "M1", Ip = "300.0.0.1" }] };
        var errors = ServiceDefinitionValidator.Validate(definition, "Balancer:Services:3");
        string[] keys =
        [
            "Name is empty", "VirtualIp '10.0.0'", "VirtualMac 'ff:ff:ff:ff:ff:ff' is a multicast", "Port is 70000", "Protocol 'Sctp'",
            "Algorithm 'Fastest' is not known; allowed: RoundRobin, WeightedRoundRobin", "Affinity:Mode 'Cookie'",
            "Affinity:IdleTimeoutSeconds is 0", "Members:1:Name 'M1' is already used by Balancer:Services:3:Members:0",
            "Members:1:Ip '300.0.0.1'",
        ];
        foreach (var key in keys)
        {
            Assert.Contains(errors, e => e.StartsWith("Balancer:Services:3:" + key, StringComparison.Ordinal));
        }

        Assert.Equal(keys.Length, errors.Count);
    }

    [Fact]
    public void DuplicateServiceNamesAndVirtualIps_AreReported()
    {
        var a = BalancerTestbed.MakeDefinition(1);
        var errors = ServiceDefinitionValidator.ValidateAll([a, a]);
        Assert.Contains("Balancer:Services:1:Name 'web' is already used by Balancer:Services:0", errors);
        Assert.Contains("Balancer:Services:1:VirtualIp '10.0.0.100' is already used by Balancer:Services:0", errors);
    }

    [Fact]
    public void MemberWithTheVirtualIp_IsRejected()
    {
        var definition = BalancerTestbed.MakeDefinition(1);
        definition = definition with { Members = [definition.Members[0] with { Ip = BalancerTestbed.VirtualIpText }] };
        Assert.Contains("is the service's VirtualIp", Assert.Single(ServiceDefinitionValidator.ValidateAll([definition])), StringComparison.Ordinal);
    }
}
