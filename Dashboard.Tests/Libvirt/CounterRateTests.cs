using SdnDashboard.Core.Rates;

namespace SdnDashboard.Tests.Libvirt;

public class CounterRateTests
{
    [Fact]
    public void PerSecond_GrowingCounter_IsDeltaOverTime() => Assert.Equal(500, CounterRate.PerSecond(1_000L, 2_000L, 2));

    [Fact]
    public void PerSecond_CounterReset_CountsFromZeroWithoutNegativeOrSpike()
    {
        // A VM restarted mid-interval: 1e12 bytes before, 300 since the restart.
        Assert.Equal(150, CounterRate.PerSecond(1_000_000_000_000L, 300L, 2));
    }

    [Fact]
    public void PerSecond_NoPreviousReading_IsZero() => Assert.Equal(0, CounterRate.PerSecond(null, 5_000_000L, 2));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void PerSecond_NoElapsedTime_IsZero(double seconds) => Assert.Equal(0, CounterRate.PerSecond(1L, 100L, seconds));

    [Fact]
    public void CpuPercent_OneOfTwoVcpusBusy_IsFifty() => Assert.Equal(50, CounterRate.CpuPercent(0, 2_000_000_000, 2, 2), 6);

    [Fact]
    public void CpuPercent_AccountingAheadOfClock_IsClampedToHundred() =>
        Assert.Equal(100, CounterRate.CpuPercent(0, 2_100_000_000, 2, 1));

    [Fact]
    public void CpuPercent_CpuTimeReset_UsesTimeSinceRestart() =>
        Assert.Equal(25, CounterRate.CpuPercent(9_000_000_000, 500_000_000, 2, 1), 6);
}
