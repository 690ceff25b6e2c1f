using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Dashboard.Balancer;
using SdnDashboard.Dashboard.Controller;
using SdnDashboard.Dashboard.Components.Controls;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>
/// Per switch, the flows it really holds (from the controller's flow-stats polls), marked against what the
/// controller intended: missing on the switch, or present but not intended. Each cookie is decoded against
/// the balancer (service, member, decision and the algorithm that made it). Refreshes every second.
/// </summary>
public partial class FlowTablesPage : ComponentBase, IAsyncDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<SwitchView> _switches = [];
    private SwitchView? _view;
    private IReadOnlyList<LabelledRow> _rows = [];
    private ulong _selected;
    private string _filter = "";

    [Inject]
    private SwitchRegistry Registry { get; set; } = default!;

    [Inject]
    private BalancerState Balancer { get; set; } = default!;

    [Inject]
    private IOptions<ControllerOptions> ControllerOptions { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private IEnumerable<LabelledRow> Rows => string.IsNullOrWhiteSpace(_filter)
        ? _rows
        : _rows.Where(r => r.Row.Match.Contains(_filter, StringComparison.OrdinalIgnoreCase)
                           || r.Row.Actions.Contains(_filter, StringComparison.OrdinalIgnoreCase)
                           || r.Row.Cookie.Contains(_filter, StringComparison.OrdinalIgnoreCase)
                           || r.Decision.Contains(_filter, StringComparison.OrdinalIgnoreCase));

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
        if (_view is null)
        {
            _rows = [];
            return;
        }

        var services = Balancer.Snapshot(Time.GetUtcNow());
        _rows = FlowRow.Of(_view).Select(r => new LabelledRow(r, FlowCookieLabel.Describe(FlowCookieLabel.Parse(r.Cookie), services))).ToList();
    }

    /// <summary>
    /// Why the flows on screen may no longer be what the switch holds: it is disconnected, or three flow-stats
    /// polls in a row brought no reply. Null while the data is current or polling is off.
    /// </summary>
    private string? StaleReason()
    {
        if (_view is not { } view)
        {
            return null;
        }

        var now = Time.GetUtcNow();
        if (!view.Connected)
        {
            var since = view.DisconnectedAt is { } at ? $" {Formatting.Age(now - at)} ago" : "";
            return $"The switch disconnected{since} ({view.DisconnectReason ?? "no reason given"}); these are the last flows it reported.";
        }

        var interval = ControllerOptions.Value.FlowStatsIntervalSeconds;
        if (interval <= 0)
        {
            return null;
        }

        var limit = TimeSpan.FromSeconds(3 * interval);
        var last = view.LastStatsAt ?? view.ConnectedSince;
        return now - last > limit
            ? $"No flow-stats reply for {Formatting.Age(now - last)} (polled every {interval} s); the flows below may be out of date."
            : null;
    }

    /// <summary>Matches and actions are long comma-separated strings: let the browser break them after a comma only.</summary>
    private static MarkupString Breakable(string text) =>
        new(string.Join(",<wbr>", text.Split(',').Select(System.Net.WebUtility.HtmlEncode)));

    private sealed record LabelledRow(FlowRow Row, string Decision);
}
