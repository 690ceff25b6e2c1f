using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>A real <see cref="OpenFlowServer"/> on a free loopback port with the given apps and an in-process bus.</summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly InProcessTelemetryBus _bus;
    private Task? _run;
    private IAsyncDisposable? _subscription;

    private ControllerHarness(ControllerOptions options, IControllerApp[] apps)
    {
        var time = TimeProvider.System;
        Options = options;
        Registry = new SwitchRegistry(Microsoft.Extensions.Options.Options.Create(options));
        _bus = new InProcessTelemetryBus(time, Microsoft.Extensions.Options.Options.Create(new BusOptions()), NullLogger<InProcessTelemetryBus>.Instance);
        Server = new OpenFlowServer(Microsoft.Extensions.Options.Options.Create(options), new ControllerPipeline(apps), Registry,
            new ControllerStatistics(), _bus, time, NullLogger<OpenFlowServer>.Instance);
    }

    public ControllerOptions Options { get; }

    public OpenFlowServer Server { get; }

    public SwitchRegistry Registry { get; }

    public IPEndPoint Endpoint { get; private set; } = new(IPAddress.Loopback, 0);

    /// <summary>SourceStatus messages published on the bus, in order.</summary>
    public ConcurrentQueue<SourceStatus> Statuses { get; } = new();

    public static async Task<ControllerHarness> StartAsync(ControllerOptions? options = null, params IControllerApp[] apps)
    {
        options ??= new ControllerOptions();
        options.Listen = "127.0.0.1:0";
        var harness = new ControllerHarness(options, apps);
        harness._subscription = await harness._bus.SubscribeAsync(BusTopics.SourceStatus, (s, _) =>
        {
            harness.Statuses.Enqueue(s);
            return ValueTask.CompletedTask;
        });
        harness._run = harness.Server.RunAsync(harness._stop.Token);
        harness.Endpoint = await harness.Server.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        return harness;
    }

    /// <summary>Polls <paramref name="condition"/> until true or fails with <paramref name="what"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeoutMs} ms waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10));
        }

        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }

        await _bus.DisposeAsync();
        _stop.Dispose();
    }
}
