namespace SdnDashboard.Bench.Dashboard;

/// <summary>Delays in milliseconds from a sample's publish to its arrival at a client, collected while enabled.</summary>
internal sealed class DelayLog
{
    private readonly List<double> _values = [];

    public bool Enabled { get; set; }

    public void Add(double milliseconds)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_values)
        {
            _values.Add(milliseconds);
        }
    }

    public (int Count, double P50, double P99, double Max) Summary()
    {
        double[] sorted;
        lock (_values)
        {
            sorted = [.. _values];
        }

        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return (0, double.NaN, double.NaN, double.NaN);
        }

        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (sorted.Length, At(0.50), At(0.99), sorted[^1]);
    }
}
