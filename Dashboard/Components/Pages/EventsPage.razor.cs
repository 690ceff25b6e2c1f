using Microsoft.AspNetCore.Components;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Data;
using SdnDashboard.Dashboard.Events;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>The audit log and system events, filterable, refreshed live as events are appended.</summary>
public partial class EventsPage : LiveComponentBase<EventRecord>
{
    private IReadOnlyList<EventRecord> _events = [];
    private string _category = "";
    private string _text = "";
    private bool _loading = true;
    private int _limit = PageSize;

    /// <summary>
    /// Events shown at first and added by each "show more": the log keeps thousands, and every row shown is kept
    /// twice in the render tree of every circuit on the page.
    /// </summary>
    internal const int PageSize = 50;

    [Inject]
    private EventLog Log { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        StartWatching();
        await ReloadAsync();
    }

    protected override IAsyncEnumerable<EventRecord> WatchChanges(CancellationToken cancellationToken) => Log.WatchAsync(cancellationToken);

    protected override async Task<bool> RefreshAsync()
    {
        await ReloadAsync();
        return true;
    }

    private async Task OnCategoryChanged(string value)
    {
        _category = value;
        _limit = PageSize;
        await ReloadAsync();
    }

    private async Task OnTextChanged(string value)
    {
        _text = value ?? "";
        _limit = PageSize;
        await ReloadAsync();
    }

    private async Task ShowMoreAsync()
    {
        _limit += PageSize;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _loading = true;
        _events = await Log.QueryAsync(new EventQuery(_category, Text: _text, Limit: _limit), PageClosing);
        _loading = false;
    }
}
