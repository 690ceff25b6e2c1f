namespace SdnDashboard.Dashboard.Components.Controls;

/// <summary>One named series of (time, value) points for <see cref="ApexChart"/>.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>One point: x is a time, y a value.</summary>
public readonly record struct ChartPoint(DateTimeOffset X, double Y);
