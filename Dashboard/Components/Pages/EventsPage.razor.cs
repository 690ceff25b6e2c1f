using Microsoft.AspNetCore.Components;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Data;
using SdnDashboard.Dashboard.Events;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>The audit log and system events, filterable, refreshed live as events are appended.</summary>
public partial class EventsPage : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<EventRecord> _events = [];
    private string _category = "";
    private string _text = "";
    private bool _loading = true;

    [Inject]
    private EventLog Log { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _ = WatchAsync(_stop.Token);
        await ReloadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task OnCategoryChanged(string value)
    {
        _category = value;
        await ReloadAsync();
    }

    private async Task OnTextChanged(string value)
    {
        _text = value ?? "";
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _loading = true;
        _events = await Log.QueryAsync(new EventQuery(_category, Text: _text), _stop.Token);
        _loading = false;
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var _ in Log.WatchAsync(ct))
            {
                await Task.Delay(LiveComponentBase.MinRenderInterval, Time, ct);
                await InvokeAsync(async () =>
                {
                    await ReloadAsync();
                    StateHasChanged();
                });
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
