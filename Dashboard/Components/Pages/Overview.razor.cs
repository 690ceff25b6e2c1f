using Microsoft.AspNetCore.Components;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Dashboard.Components.Balancer;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>The cluster at a glance, live from <see cref="ClusterFeed"/>.</summary>
public partial class Overview : LiveComponentBase
{
    private IReadOnlyList<ChartSeries> _series = [];
    private IReadOnlyList<(string Service, BalanceIndex? Index)> _balance = [];

    [Inject]
    private BalancerState Balancer { get; set; } = default!;

    [Inject]
    private TrafficFeed Traffic { get; set; } = default!;

    private long LostSamples => Traffic.Current.LostSamples;

    protected override void OnSnapshot(ClusterSnapshot snapshot)
    {
        _balance = Balancer.Snapshot(Time.GetUtcNow()).Select(s => (s.Definition.Name, BalanceIndex.Of(s))).ToList();
        _series =
        [
            new ChartSeries("In", snapshot.Traffic.Select(p => new ChartPoint(p.At, p.RxBytesPerSec)).ToList()),
            new ChartSeries("Out", snapshot.Traffic.Select(p => new ChartPoint(p.At, p.TxBytesPerSec)).ToList()),
        ];
    }
}
