using System.Globalization;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control.Apps;

namespace SdnDashboard.Dashboard.Balancer;

/// <summary>
/// A flow cookie in words for the Flow tables page: which app installed the flow and, for the load balancer,
/// the service, member, decision, direction and the algorithm that made the decision. An admin who switches a
/// service's algorithm sees here which flows the new algorithm decided, without decoding hex by hand.
/// </summary>
public static class FlowCookieLabel
{
    /// <summary>Describes <paramref name="cookie"/> using the balancer's current services and affinities.</summary>
    /// <param name="cookie">The cookie as a number.</param>
    /// <param name="services">The balancer's snapshot; decisions it no longer remembers are shown by number.</param>
    public static string Describe(ulong cookie, IReadOnlyList<ServiceStatus> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if ((cookie & LearningSwitchApp.CookieMask) == LearningSwitchApp.Cookie)
        {
            return "learning switch";
        }

        if (!FlowCookie.IsBalancer(cookie))
        {
            return "";
        }

        var direction = FlowCookie.IsReverse(cookie) ? "reverse" : "forward";
        var decision = FlowCookie.Decision(cookie).ToString(CultureInfo.InvariantCulture);
        var service = services.FirstOrDefault(s => s.ServiceId == FlowCookie.ServiceId(cookie));
        if (service is null)
        {
            return $"balancer service #{FlowCookie.ServiceId(cookie)} (no longer configured) · decision {decision} · {direction}";
        }

        var key = cookie & FlowCookie.DecisionMask;
        var affinity = service.Affinities.FirstOrDefault(a => (a.Cookie & FlowCookie.DecisionMask) == key);
        if (affinity is null)
        {
            return $"{service.Definition.Name} → member #{FlowCookie.MemberId(cookie)} · decision {decision} (forgotten) · {direction}";
        }

        var by = affinity.Algorithm.Length == 0 ? "" : $" by {affinity.Algorithm}";
        return $"{service.Definition.Name} → {affinity.Member} · decision {decision}{by} · {direction} · client {affinity.Client}";
    }

    /// <summary>Parses the <c>0x…</c> text of <see cref="Controller.FlowRow.Cookie"/> back to a number; 0 if it is not one.</summary>
    public static ulong Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return ulong.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
