using System.Globalization;
using Microsoft.AspNetCore.Components;
using SdnDashboard.Dashboard.Live;
using SdnDashboard.Dashboard.Traffic;
using SdnDashboard.Dashboard.Components.Controls;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>The paper's Table 2 from the hourly roll-ups, for any day and node selection; today refreshes live.</summary>
public partial class TrafficPage : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private DateTime? _day;
    private IReadOnlyCollection<string> _hosts = [];
    private IReadOnlyList<string> _knownHosts = [];
    private IReadOnlyList<string> _vms = [];
    private int _vmCount;
    private int _vmPage;
    private IReadOnlyList<int> _hours = [];
    private int? _currentHour;
    private Dictionary<(int Hour, string Vm, string Source), double> _cells = [];

    /// <summary>VM columns shown at once; the pager moves through the rest.</summary>
    internal const int VmColumnsPerPage = 12;

    [Inject]
    private TrafficTable Table { get; set; } = default!;

    [Inject]
    private ClusterFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private TimeSpan ReportAge => Feed.Current.UpdatedAt is { } at ? Time.GetUtcNow() - at : TimeSpan.Zero;

    private DateOnly Day => DateOnly.FromDateTime(_day ?? Time.GetUtcNow().UtcDateTime);

    private string CsvUrl =>
        $"api/v1/traffic/table2.csv?date={Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" +
        (_hosts.Any() ? "&nodes=" + Uri.EscapeDataString(string.Join(',', _hosts)) : "");

    protected override async Task OnInitializedAsync()
    {
        _day = Time.GetUtcNow().UtcDateTime.Date;
        await LoadAsync();
        _ = PeriodicRefresh.RunAsync(TrafficRollup.FlushInterval, Time, () => _currentHour is null ? Task.CompletedTask : InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task OnDayInput(ChangeEventArgs e)
    {
        // A cleared or half-typed date field sends an empty or partial value: keep the day shown.
        if (!DateOnly.TryParseExact(e.Value as string, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return;
        }

        _day = day.ToDateTime(TimeOnly.MinValue);
        _vmPage = 0;
        await LoadAsync();
    }

    private async Task OnHostToggled(string host, ChangeEventArgs e)
    {
        _hosts = e.Value is true
            ? _hosts.Append(host).Distinct(StringComparer.Ordinal).ToList()
            : _hosts.Where(h => !string.Equals(h, host, StringComparison.Ordinal)).ToList();
        _vmPage = 0;
        await LoadAsync();
    }

    private async Task OnVmPageChanged(int page)
    {
        _vmPage = page;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var now = Time.GetUtcNow();
        var rows = await Table.RowsAsync(Day, _hosts.ToList(), _stop.Token);
        _knownHosts = Feed.Current.Hosts.Keys.Concat(rows.Select(r => r.Host).OfType<string>()).Distinct().Order(StringComparer.Ordinal).ToList();
        var vms = rows.Select(r => r.Vm).Distinct().Order(StringComparer.Ordinal).ToList();
        _vmCount = vms.Count;
        _vmPage = Math.Clamp(_vmPage, 0, VmSort.LastPageIndex(vms.Count, VmColumnsPerPage));
        _vms = vms.Skip(_vmPage * VmColumnsPerPage).Take(VmColumnsPerPage).ToList();
        // Only the shown columns' cells are kept: the circuit holds a page of the day, not the whole day.
        var shown = _vms.ToHashSet(StringComparer.Ordinal);
        _cells = rows.Where(r => shown.Contains(r.Vm)).ToDictionary(r => (r.HourStart.Hour, r.Vm, r.Source), r => TrafficTable.Megabytes(r.RxBytes + r.TxBytes));
        var today = DateOnly.FromDateTime(now.UtcDateTime) == Day;
        _currentHour = today ? now.UtcDateTime.Hour : null;
        _hours = Enumerable.Range(0, today ? now.UtcDateTime.Hour + 1 : 24).ToList();
    }
}
