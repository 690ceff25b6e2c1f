using Microsoft.AspNetCore.SignalR;

namespace SdnDashboard.Dashboard.Hubs;

/// <summary>
/// <c>/hubs/telemetry</c>: live data for clients other than the Blazor pages. Every connection receives
/// <c>cluster</c> messages (<see cref="ClusterUpdate"/>) at most twice a second; the current state is sent
/// as soon as a client connects.
/// </summary>
public sealed class TelemetryHub(TelemetryBroadcaster broadcaster) : Hub
{
    public const string Path = "/hubs/telemetry";

    /// <summary>The method name clients register a handler for.</summary>
    public const string ClusterMethod = "cluster";

    public override async Task OnConnectedAsync()
    {
        await Clients.Caller.SendAsync(ClusterMethod, broadcaster.CurrentUpdate()).ConfigureAwait(false);
        await base.OnConnectedAsync().ConfigureAwait(false);
    }
}
