namespace SdnDashboard.Dashboard.Components.Controls;

/// <summary>
/// The refresh loop of pages whose source has no change stream (the balancer state, the switch registry,
/// the SQLite roll-ups): calls <c>tick</c> every period until the page's token is cancelled.
/// </summary>
public static class PeriodicRefresh
{
    public static async Task RunAsync(TimeSpan period, TimeProvider time, Func<Task> tick, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tick);
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                await tick().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Page closed.
        }
    }
}
