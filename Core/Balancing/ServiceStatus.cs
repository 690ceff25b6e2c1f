namespace SdnDashboard.Core.Balancing;

/// <summary>A service, its members and its clients at one moment.</summary>
public sealed record ServiceStatus(
    ServiceDefinition Definition, int ServiceId, IReadOnlyList<MemberStatus> Members, IReadOnlyList<AffinityEntry> Affinities);
