using Microsoft.Extensions.Options;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>Runs the <see cref="OpenFlowServer"/> for the life of the dashboard when <c>Controller:Enabled</c>.</summary>
public sealed class OpenFlowControllerService(IOptions<ControllerOptions> options, OpenFlowServer server, ILogger<OpenFlowControllerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("OpenFlow controller disabled (Controller:Enabled is false)");
            return;
        }

        try
        {
            await server.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            // The dashboard stays up without its controller (another process may hold the port); the log says why.
            logger.LogCritical("OpenFlow controller could not listen on {Listen} (Controller:Listen): {Message}",
                options.Value.Listen, ex.Message);
        }
    }
}
