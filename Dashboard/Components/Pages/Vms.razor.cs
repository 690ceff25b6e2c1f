using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>Every VM the collectors report, one page at a time, sortable and filterable, live.</summary>
public partial class Vms : LiveComponentBase
{
    /// <summary>Rows on one page unless the user picks another size.</summary>
    public const int PageSize = 25;

    private static readonly int[] PageSizes = [25, 50, 100];

    // What <MudIcon Size="Size.Small"> renders, as one markup frame instead of a component per circuit.
    private static readonly MarkupString SearchIcon = new(
        "<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">"
        + Icons.Material.Filled.Search + "</svg>");

    private static readonly VmColumn[] Columns =
    [
        new("Name", VmSort.Name, Numeric: false),
        new("Instance / project", null, Numeric: false),
        new("Node", VmSort.Node, Numeric: false),
        new("State", VmSort.State, Numeric: false),
        new("CPU", VmSort.Cpu, Numeric: true),
        new("Memory", VmSort.Memory, Numeric: true),
        new("Net in", VmSort.NetIn, Numeric: true),
        new("Net out", VmSort.NetOut, Numeric: true),
        new("Disk", VmSort.Disk, Numeric: true),
    ];

    private (IReadOnlyList<VmSample> Items, int Total, int PageIndex) _page = ([], 0, 0);
    private string _filter = "";
    private string _sort = VmSort.Name;
    private bool _descending;
    private int _pageIndex;
    private int _pageSize = PageSize;

    private int LastPage => VmSort.LastPageIndex(_page.Total, _pageSize);

    private string RangeText => _page.Total == 0
        ? "0 of 0"
        : $"{(_pageIndex * _pageSize) + 1}–{(_pageIndex * _pageSize) + _page.Items.Count} of {_page.Total}";

    protected override void OnSnapshot(ClusterSnapshot snapshot) => Load();

    private void Load()
    {
        _page = VmSort.Page(Snapshot.Vms.Values, _filter, _sort, _descending, _pageIndex, _pageSize);
        _pageIndex = _page.PageIndex;
    }

    private void OnFilterInput(ChangeEventArgs e)
    {
        _filter = e.Value as string ?? "";
        _pageIndex = 0;
        Load();
    }

    private void SortBy(string sort)
    {
        // The first click sorts ascending, the next one flips, as MudTable's sort labels do.
        _descending = _sort == sort && !_descending;
        _sort = sort;
        Load();
    }

    private void GoTo(int pageIndex)
    {
        _pageIndex = pageIndex;
        Load();
    }

    private void OnPageSizeChanged(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value as string, out var size) && PageSizes.Contains(size))
        {
            _pageSize = size;
            _pageIndex = 0;
            Load();
        }
    }

    // One text frame per cell rather than the number and the unit as two.
    private static string Cpu(VmSample vm) => vm.CpuPercent.ToString("0.0 '%'", CultureInfo.InvariantCulture);

    private string? AriaSort(VmColumn column) =>
        column.Sort != _sort ? null : _descending ? "descending" : "ascending";

    private string Arrow(VmColumn column) =>
        column.Sort != _sort ? "" : _descending ? " ↓" : " ↑";

    private static string DetailHref(VmSample vm) => $"vms/{Uri.EscapeDataString(vm.Uuid)}";

    private sealed record VmColumn(string Title, string? Sort, bool Numeric);
}
