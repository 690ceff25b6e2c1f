using Microsoft.AspNetCore.Components;
using MudBlazor;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Controls;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>Every VM the collectors report, one page at a time, sortable and filterable, live.</summary>
public partial class Vms : LiveComponentBase
{
    /// <summary>Rows on one page unless the user picks another size.</summary>
    public const int PageSize = 25;

    private MudTable<VmSample>? _table;
    private string _filter = "";

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task<bool> RefreshAsync()
    {
        if (!await base.RefreshAsync())
        {
            return false;
        }

        if (_table is not null)
        {
            await _table.ReloadServerData();
        }

        return true;
    }

    private Task<TableData<VmSample>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = VmSort.Page(Snapshot.Vms.Values, _filter, state.SortLabel, state.SortDirection == SortDirection.Descending, state.Page, state.PageSize);
        return Task.FromResult(new TableData<VmSample> { Items = page.Items, TotalItems = page.Total });
    }

    private async Task OnFilterChanged(string? value)
    {
        _filter = value ?? "";
        if (_table is not null)
        {
            // A narrower filter may have fewer pages than the one on screen.
            _table.NavigateTo(0);
            await _table.ReloadServerData();
        }
    }

    private void Open(VmSample? vm)
    {
        if (vm is not null)
        {
            Navigation.NavigateTo($"vms/{Uri.EscapeDataString(vm.Uuid)}");
        }
    }
}
