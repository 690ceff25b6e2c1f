using System.Net;
using SdnDashboard.Core.Balancing.Algorithms;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Balancing;

/// <summary>A member's parsed definition and its mutable run-time state; guarded by the balancer's lock.</summary>
internal sealed class MemberRuntime
{
    public MemberRuntime(ServiceRuntime service, MemberDefinition definition, int id)
    {
        Service = service;
        Definition = definition;
        Id = id;
        Mac = MacAddress.Parse(definition.Mac);
        Ip = Ipv4.TryParse(definition.Ip, out var ip) ? ip : throw new ArgumentException($"'{definition.Ip}' is not an IPv4 address.", nameof(definition));
        IpAddress = Ipv4.ToAddress(Ip);
        NameHash = BalancingAlgorithms.StableHash(definition.Name);
    }

    public ServiceRuntime Service { get; }

    public MemberDefinition Definition { get; }

    public int Id { get; }

    public string Name => Definition.Name;

    public MacAddress Mac { get; }

    public uint Ip { get; }

    public IPAddress IpAddress { get; }

    public ulong NameHash { get; }

    public bool Drained { get; set; }

    public int ActiveClients { get; set; }

    public int AssignedSinceSample { get; set; }

    public DateTimeOffset LastProbeAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Same addresses: affinities and flows made for one stay valid for the other.</summary>
    public bool SameAddresses(MemberRuntime other) => Mac == other.Mac && Ip == other.Ip;
}
