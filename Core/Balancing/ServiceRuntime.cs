using System.Net;
using SdnDashboard.Core.Balancing.Algorithms;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Balancing;

/// <summary>A service's parsed definition, its members and its affinity table; guarded by the balancer's lock.</summary>
internal sealed class ServiceRuntime
{
    public ServiceRuntime(ServiceDefinition definition, int id, IBalancingAlgorithm algorithm, Dictionary<string, int> memberIds)
    {
        Definition = definition;
        Id = id;
        Algorithm = algorithm;
        MemberIds = memberIds;
        Ipv4.TryParse(definition.VirtualIp, out var vip);
        Vip = vip;
        VipAddress = Ipv4.ToAddress(vip);
        Vmac = MacAddress.Parse(definition.VirtualMac);
        Port = definition.Port is { } port ? (ushort)port : null;
        Protocol = string.Equals(definition.Protocol, "Udp", StringComparison.OrdinalIgnoreCase) ? EtherTypes.UdpProtocol : EtherTypes.TcpProtocol;
        Mode = Enum.Parse<AffinityMode>(definition.Affinity.Mode, ignoreCase: true);
        AffinityIdle = TimeSpan.FromSeconds(definition.Affinity.IdleTimeoutSeconds);
        foreach (var member in definition.Members)
        {
            if (!memberIds.TryGetValue(member.Name, out var memberId))
            {
                memberId = memberIds.Count == 0 ? 1 : memberIds.Values.Max() + 1;
                memberIds.Add(member.Name, memberId);
            }

            Members.Add(new MemberRuntime(this, member, memberId));
        }
    }

    public ServiceDefinition Definition { get; }

    public int Id { get; }

    public string Name => Definition.Name;

    public IBalancingAlgorithm Algorithm { get; }

    /// <summary>Member name to id, kept across definition changes so that cookies stay meaningful.</summary>
    public Dictionary<string, int> MemberIds { get; }

    public uint Vip { get; }

    public IPAddress VipAddress { get; }

    public MacAddress Vmac { get; }

    public ushort? Port { get; }

    public byte Protocol { get; }

    public AffinityMode Mode { get; }

    public TimeSpan AffinityIdle { get; }

    public List<MemberRuntime> Members { get; } = [];

    public Dictionary<ulong, AffinityRecord> Affinities { get; } = [];

    public Dictionary<uint, AffinityRecord> ByDecision { get; } = [];

    /// <summary>Whether a frame's layer 4 matches the service's port (always, when no port is set).</summary>
    public bool MatchesPort(in FrameHeaders frame, bool destination) =>
        Port is not { } port
        || (frame.IpProto == Protocol && frame.HasPorts && (destination ? frame.TpDst : frame.TpSrc) == port);

    /// <summary>Same virtual address, port and affinity key: existing flows and affinities stay valid.</summary>
    public bool SameFrontEnd(ServiceRuntime other) =>
        Vip == other.Vip && Vmac == other.Vmac && Port == other.Port && Protocol == other.Protocol && Mode == other.Mode;

    public MemberRuntime? FindMember(string name) =>
        Members.Find(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
