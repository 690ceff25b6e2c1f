using Microsoft.AspNetCore.SignalR;

namespace SdnDashboard.Dashboard.Hubs;

/// <summary>
/// <c>/hubs/telemetry</c>: live data for clients other than the Blazor pages. A client receives the full
/// state (<c>cluster</c>, <see cref="ClusterUpdate"/>) when it connects, then <c>delta</c> messages
/// (<see cref="ClusterDelta"/>) as polls arrive, at most one per <see cref="TelemetryHubOptions.MinSendIntervalMs"/>.
/// A client that sees a gap in the sequence numbers calls <see cref="RequestCluster"/>. See docs/ARCHITECTURE.md.
/// </summary>
public sealed class TelemetryHub(TelemetryBroadcaster broadcaster) : Hub
{
    public const string Path = "/hubs/telemetry";

    /// <summary>The method name of the full-state message.</summary>
    public const string ClusterMethod = "cluster";

    /// <summary>The method name of the change message.</summary>
    public const string DeltaMethod = "delta";

    public override async Task OnConnectedAsync()
    {
        await Clients.Caller.SendAsync(ClusterMethod, await broadcaster.CurrentUpdateAsync().ConfigureAwait(false)).ConfigureAwait(false);
        await base.OnConnectedAsync().ConfigureAwait(false);
    }

    /// <summary>Sends the full state to the caller again, as a <c>cluster</c> message; for a client that missed a delta.</summary>
    public async Task RequestCluster() =>
        await Clients.Caller.SendAsync(ClusterMethod, await broadcaster.CurrentUpdateAsync().ConfigureAwait(false)).ConfigureAwait(false);
}
