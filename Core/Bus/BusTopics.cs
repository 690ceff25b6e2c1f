using SdnDashboard.Core.Serialization;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Core.Bus;

/// <summary>The topics and latest-state kinds of the telemetry contracts.</summary>
public static class BusTopics
{
    public static readonly BusTopic<HostPoll> VmStats = new(BusKeys.VmStatsChannel, BusJsonContext.Default.HostPoll);

    public static readonly BusTopic<SourceStatus> SourceStatus =
        new(BusKeys.SourceStatusChannel, BusJsonContext.Default.SourceStatus);

    public static readonly BusTopic<TrafficBatch> Traffic = new(BusKeys.TrafficChannel, BusJsonContext.Default.TrafficBatch);

    public static readonly LatestStateKind<VmSample> LatestVm = new(BusKeys.LatestVmPrefix, BusJsonContext.Default.VmSample);

    public static readonly LatestStateKind<HostSample> LatestHost =
        new(BusKeys.LatestHostPrefix, BusJsonContext.Default.HostSample);

    public static readonly LatestStateKind<VmTraffic> LatestTraffic =
        new(BusKeys.LatestTrafficPrefix, BusJsonContext.Default.VmTraffic);
}
