using Microsoft.AspNetCore.Components;
using MudBlazor;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>One VM: its numbers, its rate history, its interfaces and disks.</summary>
public partial class VmDetail : LiveComponentBase
{
    private VmSample? _vm;
    private IReadOnlyList<ChartSeries> _netSeries = [];
    private IReadOnlyList<ChartSeries> _cpuSeries = [];
    private List<BreadcrumbItem> _crumbs = [];

    /// <summary>The VM's libvirt UUID, from the address.</summary>
    [Parameter]
    public string Uuid { get; set; } = "";

    protected override void OnParametersSet() => OnSnapshot(Snapshot);

    protected override void OnSnapshot(ClusterSnapshot snapshot)
    {
        _vm = snapshot.Vms.GetValueOrDefault(Uuid);
        _crumbs = [new BreadcrumbItem("VMs", "vms"), new BreadcrumbItem(_vm?.Name ?? Uuid, null, disabled: true)];
        var history = Feed.VmHistory.Get(Uuid);
        _netSeries =
        [
            new ChartSeries("In", history.Select(p => new ChartPoint(p.At, p.RxBytesPerSec)).ToList()),
            new ChartSeries("Out", history.Select(p => new ChartPoint(p.At, p.TxBytesPerSec)).ToList()),
        ];
        _cpuSeries = [new ChartSeries("CPU", history.Select(p => new ChartPoint(p.At, p.CpuPercent)).ToList())];
    }
}
