using Microsoft.AspNetCore.Components;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Components.Controls;

/// <summary>
/// Base of every page fed by <see cref="ClusterFeed"/>: takes the current snapshot, then renders each newer
/// one as it arrives, at most once per <see cref="MinRenderInterval"/>.
/// </summary>
public abstract class LiveComponentBase : SnapshotComponentBase<ClusterSnapshot>
{
    /// <summary>
    /// The fastest a live page re-renders: a poll arrives several times a second from independent nodes, and a
    /// page shows it within this time without rendering once per poll.
    /// </summary>
    public static readonly TimeSpan MinRenderInterval = TimeSpan.FromMilliseconds(100);

    [Inject]
    protected ClusterFeed Feed { get; set; } = default!;

    /// <summary>The snapshot on screen.</summary>
    protected ClusterSnapshot Snapshot { get; private set; } = ClusterSnapshot.Empty;

    /// <summary>How old the data on screen is.</summary>
    protected TimeSpan Age => Snapshot.UpdatedAt is { } at ? Time.GetUtcNow() - at : TimeSpan.Zero;

    /// <summary>Whether no report arrived for longer than <see cref="ClusterFeed.StaleAfter"/>.</summary>
    protected bool IsStale => Snapshot.UpdatedAt is not null && Age > ClusterFeed.StaleAfter;

    /// <summary>Derives the page's view model from a new snapshot; called before each render.</summary>
    protected virtual void OnSnapshot(ClusterSnapshot snapshot)
    {
    }

    protected override ClusterSnapshot CurrentSnapshot => Feed.Current;

    protected override IAsyncEnumerable<ClusterSnapshot> WatchChanges(CancellationToken cancellationToken) => Feed.WatchAsync(cancellationToken);

    protected override void Show(ClusterSnapshot snapshot)
    {
        Snapshot = snapshot;
        OnSnapshot(snapshot);
    }
}
