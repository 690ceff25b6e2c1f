namespace SdnDashboard.Dashboard.Components.Controls;

/// <summary>
/// Base of a page that shows a feed's newest immutable snapshot (the cluster, the sFlow traffic): shows the
/// current one at start, then each newer one, skipping a refresh when the feed still holds the one on screen.
/// </summary>
/// <typeparam name="TSnapshot">The feed's snapshot; a new state is a new instance.</typeparam>
public abstract class SnapshotComponentBase<TSnapshot> : LiveComponentBase<TSnapshot>
    where TSnapshot : class
{
    private TSnapshot? _shown;

    /// <summary>The feed's newest snapshot.</summary>
    protected abstract TSnapshot CurrentSnapshot { get; }

    /// <summary>Derives the page's view model from a new snapshot; called before each render.</summary>
    protected abstract void Show(TSnapshot snapshot);

    protected override void OnInitialized()
    {
        Refresh();
        StartWatching();
    }

    protected override Task<bool> RefreshAsync() => Task.FromResult(Refresh());

    private bool Refresh()
    {
        var current = CurrentSnapshot;
        if (ReferenceEquals(current, _shown))
        {
            return false;
        }

        _shown = current;
        Show(current);
        return true;
    }
}
