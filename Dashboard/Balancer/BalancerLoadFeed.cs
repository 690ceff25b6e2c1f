using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Bus;

namespace SdnDashboard.Dashboard.Balancer;

/// <summary>
/// Feeds the balancer the VMs' monitored load: the latest state from the bus at start, then every
/// libvirt poll batch as it is published.
/// </summary>
public sealed class BalancerLoadFeed(ITelemetryBus bus, BalancerState state, TimeProvider time, ILogger<BalancerLoadFeed> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var latest = await bus.GetAllLatestAsync(BusTopics.LatestVm, stoppingToken).ConfigureAwait(false);
        state.UpdateLoads(MemberLoadMapper.ByVmName(latest.Values), time.GetUtcNow());
        logger.LogInformation("Balancer load feed started with {Vms} VMs from the bus", latest.Count);
        await using var subscription = await bus.SubscribeAsync(BusTopics.VmStats, (poll, _) =>
        {
            state.UpdateLoads(MemberLoadMapper.ByVmName(poll.Vms), time.GetUtcNow());
            return ValueTask.CompletedTask;
        }, stoppingToken).ConfigureAwait(false);
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}
