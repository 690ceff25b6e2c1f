using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SdnDashboard.Dashboard.Live;

/// <summary>
/// Hands each new snapshot to every current watcher; a slow watcher skips intermediate snapshots (it keeps
/// only the newest) instead of queueing them or slowing the feed.
/// </summary>
public sealed class SnapshotWatchers<T>
{
    private readonly Lock _gate = new();
    private ImmutableList<Channel<T>> _watchers = [];

    public void Publish(T snapshot)
    {
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(snapshot);
        }
    }

    /// <summary>Yields each snapshot published after the call, until cancelled.</summary>
    public async IAsyncEnumerable<T> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _watchers = _watchers.Add(channel);
        }

        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers = _watchers.Remove(channel);
            }
        }
    }
}
