namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>How <see cref="LeastLoadAlgorithm"/> combines the monitored resources into one score.</summary>
public sealed record LeastLoadWeights
{
    public double Cpu { get; init; } = 0.5;

    public double Memory { get; init; } = 0.2;

    public double Network { get; init; } = 0.3;

    /// <summary>Network rate counted as 100 % load (default 1 Gbit/s).</summary>
    public double NetworkCapacityBytesPerSec { get; init; } = 125_000_000;

    /// <summary>Score points added per client assigned since the member's last load sample.</summary>
    public double PerAssignment { get; init; } = 5;
}
