using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SdnDashboard.Dashboard.Data;

namespace SdnDashboard.Dashboard.Events;

/// <summary>
/// The persisted audit log and system event log. Writers append; the Events page and the API query, and
/// watch for appends to refresh live.
/// </summary>
public sealed class EventLog(IDbContextFactory<SdnDbContext> dbFactory, TimeProvider time, ILogger<EventLog> logger)
{
    public const string Audit = "audit";
    public const string System = "system";

    private readonly Lock _gate = new();
    private ImmutableList<Channel<EventRecord>> _watchers = [];

    /// <summary>Appends an audit entry: a change a person (or token) made.</summary>
    public Task AuditAsync(string kind, string source, string message, string? user, CancellationToken ct = default) =>
        AppendAsync(new EventRecord { At = time.GetUtcNow(), Category = Audit, Kind = kind, Source = source, Message = message, User = user }, ct);

    /// <summary>Appends a system event: something the platform saw.</summary>
    public Task SystemAsync(string kind, string source, string message, CancellationToken ct = default) =>
        AppendAsync(new EventRecord { At = time.GetUtcNow(), Category = System, Kind = kind, Source = source, Message = message }, ct);

    public async Task AppendAsync(EventRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            db.Events.Add(record);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        logger.LogInformation("{Category} event {Kind} from {Source}: {Message} {User}", record.Category, record.Kind, record.Source,
            record.Message, record.User is null ? "" : $"(by {record.User})");
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(record);
        }
    }

    /// <summary>The newest events first, filtered; at most <see cref="EventQuery.Limit"/>.</summary>
    public async Task<IReadOnlyList<EventRecord>> QueryAsync(EventQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        IQueryable<EventRecord> events = db.Events.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Category))
        {
            events = events.Where(e => e.Category == query.Category);
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            events = events.Where(e => e.Kind.StartsWith(query.Kind));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            events = events.Where(e => e.Message.Contains(text) || e.Source.Contains(text) || (e.User != null && e.User.Contains(text)));
        }

        if (query.Since is { } since)
        {
            var ticks = since.UtcTicks;
            events = events.Where(e => e.At >= new DateTimeOffset(ticks, TimeSpan.Zero));
        }

        return await events.OrderByDescending(e => e.Id).Take(Math.Clamp(query.Limit, 1, 5000)).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Yields each event as it is appended, until cancelled.</summary>
    public async IAsyncEnumerable<EventRecord> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = Channel.CreateBounded<EventRecord>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _watchers = _watchers.Add(channel);
        }

        try
        {
            await foreach (var record in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return record;
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

/// <summary>A filter over the event log; empty fields match everything.</summary>
public sealed record EventQuery(string? Category = null, string? Kind = null, string? Text = null, DateTimeOffset? Since = null, int Limit = 500);
