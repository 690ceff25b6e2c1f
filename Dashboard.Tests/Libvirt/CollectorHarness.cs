using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Collectors.Libvirt;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Tests.Libvirt;

/// <summary>
/// The real libvirt collector service on a bus (in-process unless one is given), recording every batch and
/// status message it publishes. Stops the service on dispose.
/// </summary>
internal sealed class CollectorHarness : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _subscriptions = [];

    private CollectorHarness(LibvirtOptions options, ITelemetryBus bus)
    {
        Options = options;
        Bus = bus;
        Service = new LibvirtCollectorService(Microsoft.Extensions.Options.Options.Create(options), bus, TimeProvider.System, Log);
    }

    public LibvirtOptions Options { get; }

    public ITelemetryBus Bus { get; }

    public LibvirtCollectorService Service { get; }

    public CapturingLogger<LibvirtCollectorService> Log { get; } = new();

    public ConcurrentQueue<HostPoll> Polls { get; } = new();

    public ConcurrentQueue<SourceStatus> Statuses { get; } = new();

    public static async Task<CollectorHarness> StartAsync(LibvirtOptions options, ITelemetryBus? bus = null)
    {
        bus ??= new InProcessTelemetryBus(TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new BusOptions()),
            NullLogger<InProcessTelemetryBus>.Instance);
        var harness = new CollectorHarness(options, bus);
        harness._subscriptions.Add(await bus.SubscribeAsync(BusTopics.VmStats, (p, _) =>
        {
            harness.Polls.Enqueue(p);
            return ValueTask.CompletedTask;
        }));
        harness._subscriptions.Add(await bus.SubscribeAsync(BusTopics.SourceStatus, (s, _) =>
        {
            harness.Statuses.Enqueue(s);
            return ValueTask.CompletedTask;
        }));
        await harness.Service.StartAsync(CancellationToken.None);
        return harness;
    }

    public static LibvirtOptions FastOptions(params string[] uris) => new()
    {
        Uris = [.. uris],
        PollIntervalSeconds = 0.2,
        TtlPolls = 3,
        ReconnectInitialSeconds = 0.1,
        ReconnectMaxSeconds = 0.4,
    };

    public int PollsOf(string host) => Polls.Count(p => p.Host.Host == host);

    /// <summary>Waits for <paramref name="condition"/>, failing with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {seconds} s waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }

    public static Task EventuallyAsync(Func<bool> condition, string what, double seconds = 10) =>
        EventuallyAsync(() => Task.FromResult(condition()), what, seconds);

    public async ValueTask DisposeAsync()
    {
        await Service.StopAsync(CancellationToken.None);
        Service.Dispose();
        foreach (var s in _subscriptions)
        {
            await s.DisposeAsync();
        }

        if (Bus is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
