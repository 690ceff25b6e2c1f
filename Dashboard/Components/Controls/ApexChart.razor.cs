using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SdnDashboard.Dashboard.Components.Controls;

/// <summary>
/// The one chart component every page uses: a time-series chart drawn by ApexCharts through a small JS
/// module (create, update series, dispose). Re-rendering with new <see cref="Series"/> updates the chart
/// in place without recreating it.
/// </summary>
public partial class ApexChart : ComponentBase, IAsyncDisposable
{
    // The options and series cross as JSON text serialized here, once per process in metadata: each circuit's
    // JSRuntime has its own serializer options, so the anonymous types below passed as objects built and kept their
    // JSON metadata again in every circuit (about 30 KB each, from a heap-dump diff of 1 vs 20 Overview circuits).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private ElementReference _element;
    private IJSObjectReference? _module;
    private int _chartId;
    private IReadOnlyList<ChartSeries>? _drawn;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The series to draw; a new list instance triggers an update.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>ApexCharts chart type: <c>area</c>, <c>line</c> or <c>bar</c>.</summary>
    [Parameter]
    public string Type { get; set; } = "area";

    /// <summary>Height in CSS pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 280;

    /// <summary>Unit shown after y values, e.g. <c>B/s</c>; values are scaled with SI prefixes.</summary>
    [Parameter]
    public string Unit { get; set; } = "";

    /// <summary><c>data-testid</c> of the chart element, for end-to-end tests.</summary>
    [Parameter]
    public string? TestId { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/apexchart.js");
            _chartId = await _module.InvokeAsync<int>("create", _element, JsonSerializer.Serialize(BuildOptions(), Json));
            _drawn = Series;
        }
        else if (_module is not null && !ReferenceEquals(_drawn, Series))
        {
            _drawn = Series;
            await _module.InvokeVoidAsync("updateSeries", _chartId, JsonSerializer.Serialize(ToJs(Series), Json));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("destroy", _chartId);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the chart with it.
        }

        GC.SuppressFinalize(this);
    }

    private static object[] ToJs(IReadOnlyList<ChartSeries> series) =>
        series.Select(s => (object)new
        {
            name = s.Name,
            data = s.Points.Select(p => new object[] { p.X.ToUnixTimeMilliseconds(), Math.Round(p.Y, 2) }).ToArray(),
        }).ToArray();

    private object BuildOptions() => new
    {
        chart = new
        {
            type = Type,
            height = Height,
            animations = new { enabled = false },
            toolbar = new { show = false },
            zoom = new { enabled = false },
            background = "transparent",
        },
        series = ToJs(Series),
        dataLabels = new { enabled = false },
        stroke = new { curve = "smooth", width = 2 },
        xaxis = new { type = "datetime", labels = new { datetimeUTC = false } },
        yaxis = new { min = 0, forceNiceScale = true },
        sdnUnit = Unit,
        legend = new { position = "top" },
        noData = new { text = "Waiting for data…" },
    };
}
