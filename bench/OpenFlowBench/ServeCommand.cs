using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Bench.OpenFlow;

/// <summary>
/// <c>serve --port N [--stats-interval S]</c>: our OpenFlow server with the product's apps
/// (<see cref="ProductApps"/>), without the rest of the dashboard, until the process is stopped. What
/// lab/capture-openflow.sh points Open vSwitch at; the benchmark itself runs the real dashboard process.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(int port, int statsInterval, string listenHost)
    {
        var time = TimeProvider.System;
        var options = new ControllerOptions { Listen = $"{listenHost}:{port}", FlowStatsIntervalSeconds = statsInterval, EchoIntervalSeconds = 15 };
        var wrapped = Options.Create(options);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        await using var bus = new InProcessTelemetryBus(time, Options.Create(new BusOptions()), NullLogger<InProcessTelemetryBus>.Instance);
        var server = new OpenFlowServer(wrapped, ProductApps.CreatePipeline(), new SwitchRegistry(wrapped),
            new ControllerStatistics(), bus, time, loggers.CreateLogger<OpenFlowServer>());
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        var run = server.RunAsync(stop.Token);
        var endpoint = await server.Listening.ConfigureAwait(false);
        Console.WriteLine($"listening {endpoint}");
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        var packetIns = Math.Max(1, server.Statistics.PacketIns);
        Console.WriteLine($"packet-ins {server.Statistics.PacketIns}, messages sent {server.Statistics.MessagesSent}, malformed {server.Statistics.Malformed}, "
            + $"allocated {GC.GetTotalAllocatedBytes() / packetIns} B per packet-in (process total, app included), gen0 GCs {GC.CollectionCount(0)}");
        return 0;
    }
}
