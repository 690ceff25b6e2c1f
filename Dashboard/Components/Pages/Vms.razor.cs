using Microsoft.AspNetCore.Components;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>Every VM the collectors report, sortable and filterable, live.</summary>
public partial class Vms : LiveComponentBase
{
    private IReadOnlyList<VmSample> _rows = [];
    private string _filter = "";

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnSnapshot(ClusterSnapshot snapshot) => _rows = snapshot.Vms.Values.ToList();

    private bool Matches(VmSample vm) =>
        string.IsNullOrWhiteSpace(_filter)
        || vm.Name.Contains(_filter, StringComparison.OrdinalIgnoreCase)
        || vm.Host.Contains(_filter, StringComparison.OrdinalIgnoreCase)
        || vm.State.Contains(_filter, StringComparison.OrdinalIgnoreCase)
        || (vm.Nova?.InstanceName?.Contains(_filter, StringComparison.OrdinalIgnoreCase) ?? false)
        || (vm.Nova?.ProjectName?.Contains(_filter, StringComparison.OrdinalIgnoreCase) ?? false);

    private void Open(VmSample? vm)
    {
        if (vm is not null)
        {
            Navigation.NavigateTo($"vms/{Uri.EscapeDataString(vm.Uuid)}");
        }
    }
}
