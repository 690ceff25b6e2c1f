using Microsoft.AspNetCore.Components;

namespace SdnDashboard.Dashboard.Components.Controls;

/// <summary>
/// Base of every page fed by a change stream (the cluster, the sFlow traffic, the event log): re-renders as
/// soon as a change arrives, but at most once per <see cref="LiveComponentBase.MinRenderInterval"/>; changes
/// that arrive meanwhile are coalesced into one render of the newest state. Stops watching when the page goes away.
/// </summary>
/// <typeparam name="TChange">What the feed's change stream yields; the page reads the feed's newest state itself.</typeparam>
public abstract class LiveComponentBase<TChange> : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _lastRender = DateTimeOffset.MinValue;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    /// <summary>Cancelled when the page goes away, for the page's own queries.</summary>
    protected CancellationToken PageClosing => _stop.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The feed's stream of changes, from now on.</summary>
    protected abstract IAsyncEnumerable<TChange> WatchChanges(CancellationToken cancellationToken);

    /// <summary>Brings the page's view model up to the feed's newest state; false when nothing new is there to render.</summary>
    protected abstract Task<bool> RefreshAsync();

    /// <summary>Starts watching the feed; a page calls it once, when it has taken the first state.</summary>
    protected void StartWatching() => _ = WatchAsync(_stop.Token);

    private async Task WatchAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var _ in WatchChanges(ct))
            {
                var wait = _lastRender + LiveComponentBase.MinRenderInterval - Time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, Time, ct);
                }

                await InvokeAsync(async () =>
                {
                    if (await RefreshAsync())
                    {
                        StateHasChanged();
                    }
                });
                _lastRender = Time.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Page closed.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }
}
