namespace SdnDashboard.Core.Diagnostics;

/// <summary>
/// Lets one log line through per period and counts what it held back, so that a flood of malformed
/// datagrams or a dead Redis shows in the log as one line a second with a count, not a million lines.
/// Thread-safe.
/// </summary>
public sealed class LogThrottle(TimeProvider time, TimeSpan period)
{
    private long _nextAllowedTicks;
    private long _suppressed;

    /// <summary>
    /// Returns <c>true</c> when a line may be written now; <paramref name="suppressed"/> is the number of
    /// events held back since the last line that was let through.
    /// </summary>
    public bool TryEnter(out long suppressed)
    {
        var now = time.GetTimestamp();
        var next = Interlocked.Read(ref _nextAllowedTicks);
        var periodTicks = (long)(period.TotalSeconds * time.TimestampFrequency);
        if (now >= next && Interlocked.CompareExchange(ref _nextAllowedTicks, now + periodTicks, next) == next)
        {
            suppressed = Interlocked.Exchange(ref _suppressed, 0);
            return true;
        }

        Interlocked.Increment(ref _suppressed);
        suppressed = 0;
        return false;
    }
}
