namespace SdnDashboard.Core.Bus;

/// <summary>
/// The message bus between collectors, the controller and the dashboard: change batches go out on
/// topics (Redis pub/sub, or in-process), the latest state of each object is kept under a key with a
/// time-to-live so that a source that stops reporting drops out by itself.
/// </summary>
/// <remarks>
/// Implementations never throw for a lost transport: a publish or write that could not be delivered
/// returns <c>false</c> and the loss is logged; delivery resumes when the transport comes back.
/// </remarks>
public interface ITelemetryBus
{
    /// <summary>Publishes one batch to every current subscriber of <paramref name="topic"/>.</summary>
    /// <returns><c>true</c> when the transport accepted the message.</returns>
    ValueTask<bool> PublishAsync<T>(BusTopic<T> topic, T message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="handler"/> for each message published on <paramref name="topic"/> until the
    /// returned handle is disposed. A message that cannot be decoded is counted and dropped; an exception
    /// from the handler is logged and does not end the subscription.
    /// </summary>
    ValueTask<IAsyncDisposable> SubscribeAsync<T>(
        BusTopic<T> topic, Func<T, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default);

    /// <summary>Writes the latest state of several objects of one kind, each with <paramref name="ttl"/>.</summary>
    /// <returns><c>true</c> when the transport accepted all writes.</returns>
    ValueTask<bool> SetLatestAsync<T>(
        LatestStateKind<T> kind, IReadOnlyCollection<KeyValuePair<string, T>> items, TimeSpan ttl,
        CancellationToken cancellationToken = default);

    /// <summary>Reads the latest state of one object, or <c>default</c> when absent or expired.</summary>
    ValueTask<T?> GetLatestAsync<T>(LatestStateKind<T> kind, string id, CancellationToken cancellationToken = default);

    /// <summary>Reads the latest state of every live object of one kind, keyed by id.</summary>
    ValueTask<IReadOnlyDictionary<string, T>> GetAllLatestAsync<T>(
        LatestStateKind<T> kind, CancellationToken cancellationToken = default);

    /// <summary>Removes the latest state of one object at once, without waiting for its time-to-live.</summary>
    ValueTask<bool> RemoveLatestAsync<T>(LatestStateKind<T> kind, string id, CancellationToken cancellationToken = default);

    /// <summary>Counters of what the bus could not deliver or decode, for the health page and logs.</summary>
    BusStatistics Statistics { get; }
}
