namespace SdnDashboard.Core.Bus;

/// <summary>
/// Every Redis key prefix and channel the project uses, in one place. All start with <c>sdn:</c> so that
/// the project can share a Redis with others and <c>redis-cli --scan --pattern 'sdn:*'</c> shows all of it.
/// </summary>
public static class BusKeys
{
    /// <summary>The prefix of every key and channel.</summary>
    public const string Root = "sdn:";

    /// <summary>Channel: one <see cref="Telemetry.HostPoll"/> per compute node per libvirt poll.</summary>
    public const string VmStatsChannel = Root + "events:vm-stats";

    /// <summary>Channel: collector up/down and other source status changes.</summary>
    public const string SourceStatusChannel = Root + "events:source-status";

    /// <summary>Channel: one <see cref="Telemetry.TrafficBatch"/> per sFlow aggregation interval.</summary>
    public const string TrafficChannel = Root + "events:traffic";

    /// <summary>Key prefix: latest <see cref="Telemetry.VmSample"/> per VM UUID.</summary>
    public const string LatestVmPrefix = Root + "latest:vm:";

    /// <summary>Key prefix: latest <see cref="Telemetry.HostSample"/> per compute node.</summary>
    public const string LatestHostPrefix = Root + "latest:host:";

    /// <summary>Key prefix: latest <see cref="Telemetry.VmTraffic"/> per vNIC MAC, from sFlow.</summary>
    public const string LatestTrafficPrefix = Root + "latest:traffic:";

    /// <summary>Key: which dashboard replica holds the lease to broadcast live data to the hub's clients (expires unless renewed).</summary>
    public const string HubBroadcasterLease = Root + "lease:hub-broadcaster";

    /// <summary>Key: the last sequence number of the hub's live-data messages, shared so it runs on across replicas.</summary>
    public const string HubSequence = Root + "hub:sequence";

    /// <summary>Channel prefix of the SignalR Redis backplane that lets several dashboard replicas serve the same hub.</summary>
    public const string SignalRChannelPrefix = Root + "signalr:";
}
