using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Balancing;

/// <summary>The mutable affinity entry behind <see cref="AffinityEntry"/>; guarded by the balancer's lock.</summary>
internal sealed class AffinityRecord
{
    public required ulong Key { get; init; }

    public required MacAddress ClientMac { get; set; }

    public required uint ClientIp { get; set; }

    public required MemberRuntime Member { get; set; }

    public required DateTimeOffset Since { get; init; }

    public required DateTimeOffset LastSeen { get; set; }

    public required uint Decision { get; init; }

    public required string Algorithm { get; init; }

    public ulong ClientDatapathId { get; set; }

    public uint ClientPort { get; set; }

    public HashSet<ulong> FlowSwitches { get; } = [];

    public ulong ForwardCookie => FlowCookie.Create(Member.Service.Id, Member.Id, Decision, reverse: false);
}
