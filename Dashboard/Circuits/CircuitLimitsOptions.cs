namespace SdnDashboard.Dashboard.Circuits;

/// <summary>The <c>Circuits</c> section: what one Blazor Server circuit may hold on the server.</summary>
public sealed class CircuitLimitsOptions
{
    public const string Section = "Circuits";

    /// <summary>
    /// Render batches a circuit sends before the browser acknowledges them; beyond it the circuit stops sending
    /// and coalesces further renders into one. Blazor's default is 10: a live page renders up to ten times a
    /// second, so a lagging browser would make the server keep ten stale batches instead of sending the newest.
    /// </summary>
    public int MaxBufferedRenderBatches { get; set; } = 2;
}
