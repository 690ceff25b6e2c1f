using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Bus;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// The libvirt collector: one poller thread per configured URI, and this service's loop publishing what
/// they read — one <see cref="BusTopics.VmStats"/> batch per host and poll, the latest state of each VM
/// and host with a time-to-live of a few polls, explicit removal of VMs that are gone, and
/// <see cref="BusTopics.SourceStatus"/> when a URI goes down or comes back.
/// </summary>
public sealed class LibvirtCollectorService(
    IOptions<LibvirtOptions> options, ITelemetryBus bus, TimeProvider time, ILogger<LibvirtCollectorService> logger)
    : BackgroundService
{
    private const int QueueLength = 256;
    private static readonly TimeSpan ThreadJoinTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var queue = Channel.CreateBounded<LibvirtPollerEvent>(
            new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        var threads = settings.Uris.Select(uri =>
        {
            var poller = new LibvirtHostPoller(uri, settings, time, logger, queue.Writer.TryWrite);
            var thread = new Thread(() => poller.Run(stoppingToken)) { IsBackground = true, Name = $"libvirt {uri}" };
            thread.Start();
            return thread;
        }).ToList();

        logger.LogInformation("libvirt collector polling {Count} URI(s) every {Seconds} s: {Uris}",
            threads.Count, settings.PollIntervalSeconds, string.Join(", ", settings.Uris));
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await PublishAsync(item, settings, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            // A thread stuck in a libvirt call is a background thread: the process may end without it.
            var deadline = time.GetTimestamp() + (long)(ThreadJoinTimeout.TotalSeconds * time.TimestampFrequency);
            foreach (var thread in threads)
            {
                var left = TimeSpan.FromSeconds(Math.Max(0, deadline - time.GetTimestamp()) / (double)time.TimestampFrequency);
                if (!thread.Join(left))
                {
                    logger.LogWarning("libvirt poller thread '{Thread}' is still inside a libvirt call at shutdown", thread.Name);
                }
            }
        }
    }

    private async Task PublishAsync(LibvirtPollerEvent item, LibvirtOptions settings, CancellationToken ct)
    {
        switch (item)
        {
            case LibvirtStatusChanged status:
                await bus.PublishAsync(BusTopics.SourceStatus, status.Status, ct).ConfigureAwait(false);
                break;
            case LibvirtPollCompleted completed:
                var poll = completed.Poll;
                await bus.PublishAsync(BusTopics.VmStats, poll, ct).ConfigureAwait(false);
                await bus.SetLatestAsync(BusTopics.LatestVm, poll.Vms.Select(v => KeyValuePair.Create(v.Uuid, v)).ToList(),
                    settings.Ttl, ct).ConfigureAwait(false);
                await bus.SetLatestAsync(BusTopics.LatestHost, [KeyValuePair.Create(poll.Host.Host, poll.Host)],
                    settings.Ttl, ct).ConfigureAwait(false);
                foreach (var uuid in completed.GoneUuids)
                {
                    await bus.RemoveLatestAsync(BusTopics.LatestVm, uuid, ct).ConfigureAwait(false);
                }

                break;
        }
    }
}
