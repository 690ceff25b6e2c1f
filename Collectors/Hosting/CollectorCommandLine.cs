using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Collectors.Libvirt;
using SdnDashboard.Collectors.Sflow;

namespace SdnDashboard.Collectors.Hosting;

/// <summary>
/// The collector's command-line verbs. <c>run</c> (the default) hosts the collectors on a compute node;
/// other verbs are one-shot tools for admins holding a capture or a libvirt URI.
/// </summary>
public static class CollectorCommandLine
{
    private const string Usage = """
        usage: SdnDashboard.Collectors [run]          run the collectors (Redis:Configuration from appsettings or env)
               SdnDashboard.Collectors libvirt snapshot --uri URI [--uri URI2 ...]
               SdnDashboard.Collectors sflow decode FILE.pcap|FILE.pcapng   print each sFlow sample as a JSON line
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length == 0 ? "run" : args[0];
        switch (verb)
        {
            case "run":
                return await RunHostAsync(args.Skip(1).ToArray()).ConfigureAwait(false);
            case "libvirt":
                return await LibvirtSnapshotCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System).ConfigureAwait(false);
            case "sflow" when args.Length > 1 && args[1] == "decode":
                return SflowDecodeCommand.Run(args[2..], Console.OpenStandardOutput(), Console.Error);
            case "-h" or "--help" or "help":
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"unknown verb '{verb}'\n{Usage}").ConfigureAwait(false);
                return 2;
        }
    }

    private static async Task<int> RunHostAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddTelemetryBus(builder.Configuration);
        builder.Services.AddCollectors(builder.Configuration);
        using var host = builder.Build();
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
