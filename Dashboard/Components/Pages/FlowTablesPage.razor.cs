using Microsoft.AspNetCore.Components;
using SdnDashboard.Dashboard.Controller;
using SdnDashboard.Dashboard.Components.Controls;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>
/// Per switch, the flows it really holds (from the controller's flow-stats polls), marked against what the
/// controller intended: missing on the switch, or present but not intended. Refreshes every second.
/// </summary>
public partial class FlowTablesPage : ComponentBase, IAsyncDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<SwitchView> _switches = [];
    private SwitchView? _view;
    private IReadOnlyList<FlowRow> _rows = [];
    private ulong _selected;
    private string _filter = "";

    [Inject]
    private SwitchRegistry Registry { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private IEnumerable<FlowRow> Rows => string.IsNullOrWhiteSpace(_filter)
        ? _rows
        : _rows.Where(r => r.Match.Contains(_filter, StringComparison.OrdinalIgnoreCase)
                           || r.Actions.Contains(_filter, StringComparison.OrdinalIgnoreCase)
                           || r.Cookie.Contains(_filter, StringComparison.OrdinalIgnoreCase));

    protected override void OnInitialized()
    {
        Load();
        _ = PeriodicRefresh.RunAsync(Refresh, Time, () => InvokeAsync(() =>
        {
            Load();
            StateHasChanged();
        }), _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Select(ulong datapathId)
    {
        _selected = datapathId;
        Load();
    }

    private void Load()
    {
        _switches = Registry.Snapshot().OrderByDescending(s => s.Connected).ThenBy(s => s.DatapathId).ToList();
        if (_switches.Count > 0 && _switches.All(s => s.DatapathId != _selected))
        {
            _selected = _switches[0].DatapathId;
        }

        _view = _switches.FirstOrDefault(s => s.DatapathId == _selected);
        _rows = _view is null ? [] : FlowRow.Of(_view);
    }
}
