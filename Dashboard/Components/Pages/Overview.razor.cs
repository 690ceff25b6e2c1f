using Microsoft.AspNetCore.Components;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>The cluster at a glance, live from <see cref="ClusterFeed"/>.</summary>
public partial class Overview : ComponentBase, IAsyncDisposable
{
    private static readonly TimeSpan MinRenderInterval = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource _stop = new();
    private ClusterSnapshot _snapshot = ClusterSnapshot.Empty;
    private IReadOnlyList<ChartSeries> _series = [];

    [Inject]
    private ClusterFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private TimeSpan Age => _snapshot.UpdatedAt is { } at ? Time.GetUtcNow() - at : TimeSpan.Zero;

    private bool IsStale => Age > ClusterFeed.StaleAfter;

    protected override void OnInitialized()
    {
        Show(Feed.Current);
        _ = WatchAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Show(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        _series =
        [
            new ChartSeries("In", snapshot.Traffic.Select(p => new ChartPoint(p.At, p.RxBytesPerSec)).ToList()),
            new ChartSeries("Out", snapshot.Traffic.Select(p => new ChartPoint(p.At, p.TxBytesPerSec)).ToList()),
        ];
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var snapshot in Feed.WatchAsync(ct))
            {
                Show(snapshot);
                await InvokeAsync(StateHasChanged);
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
