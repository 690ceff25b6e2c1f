namespace SdnDashboard.Core.Rates;

/// <summary>
/// Rates from two readings of a monotonic counter. A counter that went down was reset (the VM restarted,
/// the device was re-plugged): it counted up from zero since, so the delta is its current value, which
/// never overstates the true rate. No previous reading, or no time between readings, means no rate (0).
/// </summary>
public static class CounterRate
{
    /// <summary>The growth of a counter between two readings, counting a reset as growth from zero.</summary>
    public static long Delta(long previous, long current) => current >= previous ? current - previous : Math.Max(current, 0);

    /// <summary>Units per second between two readings <paramref name="seconds"/> apart.</summary>
    public static double PerSecond(long previous, long current, double seconds) =>
        seconds > 0 ? Delta(previous, current) / seconds : 0;

    /// <summary>Units per second, or 0 when there is no previous reading.</summary>
    public static double PerSecond(long? previous, long current, double seconds) =>
        previous is { } p ? PerSecond(p, current, seconds) : 0;

    /// <summary>
    /// CPU use in percent of the domain's vCPUs (100 = every vCPU busy the whole interval), from
    /// cumulative CPU time in nanoseconds. Clamped to 0..100: the hypervisor's accounting can run slightly
    /// ahead of the wall clock between two reads.
    /// </summary>
    public static double CpuPercent(long previousNs, long currentNs, double seconds, int vcpus)
    {
        if (seconds <= 0 || vcpus <= 0)
        {
            return 0;
        }

        var percent = Delta(previousNs, currentNs) / (seconds * 1e9 * vcpus) * 100;
        return Math.Clamp(percent, 0, 100);
    }
}
