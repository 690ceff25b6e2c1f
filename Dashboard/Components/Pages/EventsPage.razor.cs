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
    private int _queries;

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

    private async Task OnCategoryChanged(ChangeEventArgs e)
    {
        _category = e.Value as string ?? "";
        _limit = PageSize;
        await ReloadAsync();
    }

    private async Task OnTextInput(ChangeEventArgs e)
    {
        _text = e.Value as string ?? "";
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
        // Each keystroke in the search field queries; a slower, older query must not overwrite a newer one's rows.
        var query = ++_queries;
        _loading = true;
        var events = await Log.QueryAsync(new EventQuery(_category, Text: _text, Limit: _limit), PageClosing);
        if (query == _queries)
        {
            _events = events;
            _loading = false;
        }
    }
}
