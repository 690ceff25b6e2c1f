using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Balancing;

/// <summary>A client held on a member, as the UI and the API read it (an immutable copy).</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Client">The affinity key as text: a MAC or an IP, by the service's mode.</param>
/// <param name="ClientMac">The client's MAC at its last packet-in.</param>
/// <param name="ClientIp">The client's IPv4 address at its last packet-in.</param>
/// <param name="Member">The member's name.</param>
/// <param name="Since">When the client was assigned.</param>
/// <param name="LastSeen">Last packet-in from the client, or the latest time its flows were known active.</param>
/// <param name="Cookie">The decision's forward-flow cookie (reverse = cookie | 1), see <see cref="FlowCookie"/>.</param>
/// <param name="FlowSwitches">Switches that hold the decision's flows now.</param>
public sealed record AffinityEntry(
    string Service, string Client, MacAddress ClientMac, string ClientIp, string Member,
    DateTimeOffset Since, DateTimeOffset LastSeen, ulong Cookie, IReadOnlyList<ulong> FlowSwitches)
{
    /// <summary>
    /// The algorithm that made the decision. A client keeps its member when the service switches algorithm,
    /// so after a switch old and new decisions sit side by side; this tells them apart.
    /// </summary>
    public string Algorithm { get; init; } = "";
}
