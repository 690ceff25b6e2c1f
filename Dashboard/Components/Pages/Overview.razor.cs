using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>The cluster at a glance, live from <see cref="ClusterFeed"/>.</summary>
public partial class Overview : LiveComponentBase
{
    private IReadOnlyList<ChartSeries> _series = [];

    protected override void OnSnapshot(ClusterSnapshot snapshot) =>
        _series =
        [
            new ChartSeries("In", snapshot.Traffic.Select(p => new ChartPoint(p.At, p.RxBytesPerSec)).ToList()),
            new ChartSeries("Out", snapshot.Traffic.Select(p => new ChartPoint(p.At, p.TxBytesPerSec)).ToList()),
        ];
}
