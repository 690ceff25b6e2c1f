using System.Text.Json;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// <c>libvirt snapshot --uri URI [--uri URI2]</c>: reads every host and VM once and prints one JSON
/// object <c>{"hosts":[...],"vms":[...]}</c>. A URI that cannot be read ends it with exit code 1 and one
/// line naming the URI and libvirt's message.
/// </summary>
public static class LibvirtSnapshotCommand
{
    public const string Usage = "libvirt snapshot --uri URI [--uri URI2 ...]   print every host and VM of the URIs once as JSON";

    /// <summary>Runs the verb with the arguments after <c>libvirt</c>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(time);
        if (args.Count == 0 || args[0] != "snapshot")
        {
            await error.WriteLineAsync($"usage: {Usage}").ConfigureAwait(false);
            return 2;
        }

        var uris = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--uri" && i + 1 < args.Count)
            {
                uris.Add(args[++i]);
            }
            else
            {
                await error.WriteLineAsync($"libvirt snapshot: unexpected argument '{args[i]}'\nusage: {Usage}").ConfigureAwait(false);
                return 2;
            }
        }

        if (uris.Count == 0)
        {
            await error.WriteLineAsync($"libvirt snapshot: no --uri given\nusage: {Usage}").ConfigureAwait(false);
            return 2;
        }

        var hosts = new List<HostSample>();
        var vms = new List<VmSample>();
        foreach (var uri in uris)
        {
            try
            {
                // libvirt calls block; keep them off the caller's thread-pool thread.
                var reading = await Task.Factory.StartNew(
                    () => Read(uri, time.GetUtcNow()), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                    .ConfigureAwait(false);
                hosts.Add(reading.Host);
                vms.AddRange(reading.Vms);
            }
            catch (LibvirtException ex)
            {
                await error.WriteLineAsync($"libvirt snapshot: cannot read {uri}: {ex.LibvirtMessage}").ConfigureAwait(false);
                return 1;
            }
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(new LibvirtSnapshot(hosts, vms), LibvirtJsonContext.Default.LibvirtSnapshot))
            .ConfigureAwait(false);
        return 0;
    }

    private static LibvirtReading Read(string uri, DateTimeOffset at)
    {
        using var connection = LibvirtConnection.OpenReadOnly(uri);
        var reader = new LibvirtHostReader(connection, LibvirtUris.HostNameOf(uri, null, connection));
        return reader.Read(at);
    }
}
