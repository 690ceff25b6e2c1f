using System.Net;
using Microsoft.Extensions.Options;
using SdnDashboard.Dashboard.Controller;
using SdnDashboard.Dashboard.Hosting;

namespace SdnDashboard.Dashboard.Demo;

/// <summary>
/// While the built-in testbed is on, plugs a simulated switch with the testbed's VMs and a changing client
/// population into the dashboard's own OpenFlow controller over loopback TCP, so the load balancer page shows
/// located members, clients, affinities and flows made by the real controller code. Reconnects when the
/// connection drops.
/// </summary>
public sealed class DemoClusterService(
    IConfiguration configuration,
    OpenFlowServer server,
    IOptions<ControllerOptions> controllerOptions,
    TimeProvider time,
    ILogger<DemoClusterService> logger) : BackgroundService
{
    /// <summary>Clients present at once.</summary>
    public const int Clients = 12;

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    /// <summary>The running switch, once started (for diagnostics).</summary>
    public DemoSwitch? Switch { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.Equals(configuration[BuiltInTestbed.EnabledKey], "true", StringComparison.OrdinalIgnoreCase) || !controllerOptions.Value.Enabled)
        {
            return;
        }

        IPEndPoint bound;
        try
        {
            bound = await server.Listening.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var target = new IPEndPoint(
            bound.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : bound.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : bound.Address,
            bound.Port);
        var random = new Random(20260);
        var clients = DemoTopology.CreateClients(2 * Clients, TimeSpan.FromSeconds(4));
        Switch = new DemoSwitch(DemoTopology.DatapathId, [.. DemoTopology.CreateVms(), .. clients],
            new DemoClientPopulation(clients, Clients, random), time, logger);
        logger.LogInformation("Demo cluster: a simulated switch with 6 VMs and {Clients} clients connects to the controller at {Endpoint}", Clients, target);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Switch.RunAsync(target, stoppingToken).ConfigureAwait(false);
                logger.LogInformation("Demo switch: the controller closed the connection; reconnecting");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
            {
                logger.LogWarning("Demo switch: connection to {Endpoint} failed: {Message}; retrying", target, ex.Message);
            }

            try
            {
                await Task.Delay(Reconnect, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
