using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>One row per hypervisor, like Horizon's hypervisor list.</summary>
public partial class Nodes : LiveComponentBase
{
    private IReadOnlyList<NodeRow> _rows = [];

    protected override void OnSnapshot(ClusterSnapshot snapshot)
    {
        var now = Time.GetUtcNow();
        _rows = snapshot.Hosts.Values.OrderBy(h => h.Host, StringComparer.Ordinal).Select(h =>
        {
            var vms = snapshot.Vms.Values.Where(v => v.Host == h.Host).ToList();
            var age = now - h.At;
            return new NodeRow(h, vms.Count(v => v.State == "running"), vms.Count, age, age <= ClusterFeed.StaleAfter);
        }).ToList();
    }

    private sealed record NodeRow(HostSample Host, int Running, int Total, TimeSpan Age, bool Fresh);
}
