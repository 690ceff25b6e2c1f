namespace SdnDashboard.Tests.Components;

/// <summary>
/// The system clock moved forward by <see cref="Offset"/>: a page reading it sees its data age at once, while
/// timers still run in real time (so periodic re-checks fire).
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
