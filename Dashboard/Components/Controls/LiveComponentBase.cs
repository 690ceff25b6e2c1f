using Microsoft.AspNetCore.Components;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Controls;

/// <summary>
/// Base of every page fed by <see cref="ClusterFeed"/>: takes the current snapshot, then re-renders on each
/// change at most four times a second, and stops watching when the page goes away.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IAsyncDisposable
{
    /// <summary>The fastest a page re-renders: live, without flooding the circuit.</summary>
    public static readonly TimeSpan MinRenderInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();

    [Inject]
    protected ClusterFeed Feed { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    /// <summary>The snapshot on screen.</summary>
    protected ClusterSnapshot Snapshot { get; private set; } = ClusterSnapshot.Empty;

    /// <summary>How old the data on screen is.</summary>
    protected TimeSpan Age => Snapshot.UpdatedAt is { } at ? Time.GetUtcNow() - at : TimeSpan.Zero;

    /// <summary>Whether no report arrived for longer than <see cref="ClusterFeed.StaleAfter"/>.</summary>
    protected bool IsStale => Snapshot.UpdatedAt is not null && Age > ClusterFeed.StaleAfter;

    protected override void OnInitialized()
    {
        Apply(Feed.Current);
        _ = WatchAsync(_stop.Token);
    }

    /// <summary>Derives the page's view model from a new snapshot; called before each render.</summary>
    protected virtual void OnSnapshot(ClusterSnapshot snapshot)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Apply(ClusterSnapshot snapshot)
    {
        Snapshot = snapshot;
        OnSnapshot(snapshot);
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var snapshot in Feed.WatchAsync(ct))
            {
                await InvokeAsync(() =>
                {
                    Apply(snapshot);
                    StateHasChanged();
                });
                await Task.Delay(MinRenderInterval, Time, ct);
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
