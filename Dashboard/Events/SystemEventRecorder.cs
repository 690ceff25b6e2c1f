using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Dashboard.Events;

/// <summary>
/// Turns what the bus reports into persisted system events: sources going up or down (collectors,
/// switches), and VMs appearing, disappearing or changing state between two polls of their host.
/// </summary>
public sealed class SystemEventRecorder(ITelemetryBus bus, EventLog events, ILogger<SystemEventRecorder> logger) : BackgroundService
{
    private readonly Dictionary<string, Dictionary<string, (string Name, string State)>> _lastByHost = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var status = await bus.SubscribeAsync(BusTopics.SourceStatus, (s, ct) => new ValueTask(RecordAsync(s, ct)), stoppingToken)
            .ConfigureAwait(false);
        await using var polls = await bus.SubscribeAsync(BusTopics.VmStats, (p, ct) => new ValueTask(RecordAsync(p, ct)), stoppingToken)
            .ConfigureAwait(false);
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    private Task RecordAsync(SourceStatus status, CancellationToken ct) =>
        events.SystemAsync($"{status.Kind}.{(status.Up ? "up" : "down")}", status.Source,
            status.Message ?? (status.Up ? $"{status.Kind} source is up" : $"{status.Kind} source is down"), ct);

    private async Task RecordAsync(HostPoll poll, CancellationToken ct)
    {
        var now = poll.Vms.ToDictionary(v => v.Uuid, v => (v.Name, v.State), StringComparer.Ordinal);
        var first = !_lastByHost.TryGetValue(poll.Host.Host, out var before);
        _lastByHost[poll.Host.Host] = now;
        if (first)
        {
            await events.SystemAsync("node.reporting", poll.Host.Host, $"compute node {poll.Host.Host} reports {now.Count} VMs", ct)
                .ConfigureAwait(false);
            return;
        }

        foreach (var (uuid, vm) in now)
        {
            if (!before!.TryGetValue(uuid, out var old))
            {
                await events.SystemAsync("vm.added", poll.Host.Host, $"VM {vm.Name} appeared ({vm.State})", ct).ConfigureAwait(false);
            }
            else if (old.State != vm.State)
            {
                var kind = vm.State == "running" ? "vm.up" : old.State == "running" ? "vm.down" : "vm.state";
                await events.SystemAsync(kind, poll.Host.Host, $"VM {vm.Name}: {old.State} → {vm.State}", ct).ConfigureAwait(false);
            }
        }

        foreach (var (uuid, old) in before!)
        {
            if (!now.ContainsKey(uuid))
            {
                await events.SystemAsync("vm.removed", poll.Host.Host, $"VM {old.Name} is gone", ct).ConfigureAwait(false);
            }
        }

        logger.LogDebug("Recorded VM changes of {Host}", poll.Host.Host);
    }
}
