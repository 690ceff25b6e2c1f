using SdnDashboard.Core.Balancing;

namespace SdnDashboard.Dashboard.Components.Balancer;

/// <summary>
/// How evenly a service spreads its load: the coefficient of variation of per-member load (0 = perfectly
/// even) and the max/min ratio. Load is the member VM's CPU % when monitored, else its client count.
/// </summary>
public sealed record BalanceIndex(double CoefficientOfVariation, double MaxOverMin, string Basis)
{
    public static BalanceIndex? Of(ServiceStatus service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var members = service.Members.Where(m => !m.Drained).ToList();
        if (members.Count < 2)
        {
            return null;
        }

        var monitored = members.All(m => m.Load is not null);
        var loads = members.Select(m => monitored ? m.Load!.CpuPercent : m.ActiveClients).ToArray();
        var mean = loads.Average();
        var sd = Math.Sqrt(loads.Sum(l => (l - mean) * (l - mean)) / loads.Length);
        var min = loads.Min();
        return new BalanceIndex(mean == 0 ? 0 : sd / mean, min == 0 ? (loads.Max() == 0 ? 1 : double.PositiveInfinity) : loads.Max() / min,
            monitored ? "CPU" : "clients");
    }
}
