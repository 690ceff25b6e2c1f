using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Dashboard.Components.Balancer;
using SdnDashboard.Dashboard.Components.Controls;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>The cluster at a glance, live from <see cref="ClusterFeed"/>.</summary>
public partial class Overview : LiveComponentBase
{
    /// <summary>The traffic chart draws one point per step of this length (the step's last), and the newest.</summary>
    internal static readonly TimeSpan ChartStep = TimeSpan.FromSeconds(2);

    // Keyed by the snapshot itself: an entry lives exactly as long as its snapshot.
    private static readonly ConditionalWeakTable<ClusterSnapshot, IReadOnlyList<ChartSeries>> SharedSeries = new();
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
        _series = TrafficSeries(snapshot);
    }

    /// <summary>
    /// The chart's two series for a snapshot, built once and shared by every circuit showing the page: each circuit
    /// used to build and keep its own copy, 15 minutes of points per series, one point per collector report (about
    /// 200 KB per circuit with ten nodes reporting every 2 s). Only the last point of each <see cref="ChartStep"/>
    /// and the newest are drawn: the chart is a few hundred pixels wide, and every point also crosses each
    /// circuit's connection at every update.
    /// </summary>
    internal static IReadOnlyList<ChartSeries> TrafficSeries(ClusterSnapshot snapshot) => SharedSeries.GetValue(snapshot, BuildTrafficSeries);

    private static IReadOnlyList<ChartSeries> BuildTrafficSeries(ClusterSnapshot snapshot)
    {
        var rx = new List<ChartPoint>();
        var tx = new List<ChartPoint>();
        var traffic = snapshot.Traffic;
        for (var i = 0; i < traffic.Count; i++)
        {
            // The last point of each step of wall-clock time: the same points stay chosen as the window slides.
            var point = traffic[i];
            if (i == traffic.Count - 1 || Step(traffic[i + 1].At) != Step(point.At))
            {
                rx.Add(new ChartPoint(point.At, point.RxBytesPerSec));
                tx.Add(new ChartPoint(point.At, point.TxBytesPerSec));
            }
        }

        return [new ChartSeries("In", rx), new ChartSeries("Out", tx)];

        static long Step(DateTimeOffset at) => at.UtcTicks / ChartStep.Ticks;
    }
}
