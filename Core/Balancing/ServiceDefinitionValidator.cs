using SdnDashboard.Core.Balancing.Algorithms;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Balancing;

/// <summary>
/// Checks service definitions from configuration or the run-time API; every error names the
/// configuration key, e.g. <c>Balancer:Services:0:Members:2:Mac 'zz' is not a MAC address</c>.
/// </summary>
public static class ServiceDefinitionValidator
{
    /// <summary>The configuration key of the service list.</summary>
    public const string ServicesKey = "Balancer:Services";

    public const int MaxWeight = 1000;
    public const int MaxAffinityIdleSeconds = 86_400;

    /// <summary>Checks a whole list: each service, plus names and virtual IPs unique across services.</summary>
    public static IReadOnlyList<string> ValidateAll(IReadOnlyList<ServiceDefinition> services, string key = ServicesKey)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new List<string>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var vips = new Dictionary<uint, int>();
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            var serviceKey = $"{key}:{i}";
            errors.AddRange(Validate(service, serviceKey));
            if (!string.IsNullOrWhiteSpace(service.Name) && !names.TryAdd(service.Name, i))
            {
                errors.Add($"{serviceKey}:Name '{service.Name}' is already used by {key}:{names[service.Name]}");
            }

            if (Ipv4.TryParse(service.VirtualIp, out var vip) && !vips.TryAdd(vip, i))
            {
                errors.Add($"{serviceKey}:VirtualIp '{service.VirtualIp}' is already used by {key}:{vips[vip]}");
            }
        }

        return errors;
    }

    /// <summary>Checks one service; <paramref name="key"/> is its configuration key, e.g. <c>Balancer:Services:0</c>.</summary>
    public static IReadOnlyList<string> Validate(ServiceDefinition service, string key)
    {
        ArgumentNullException.ThrowIfNull(service);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(service.Name))
        {
            errors.Add($"{key}:Name is empty; every service needs a unique name");
        }

        var vipOk = Ipv4.TryParse(service.VirtualIp, out var vip);
        if (!vipOk)
        {
            errors.Add($"{key}:VirtualIp '{service.VirtualIp}' is not an IPv4 address");
        }

        CheckUnicastMac(errors, $"{key}:VirtualMac", service.VirtualMac);
        if (service.Port is { } port && port is < 1 or > 65535)
        {
            errors.Add($"{key}:Port is {port}; allowed 1-65535 or unset for all traffic");
        }

        if (!IsOneOf(service.Protocol, "Tcp", "Udp"))
        {
            errors.Add($"{key}:Protocol '{service.Protocol}' is not known; allowed: Tcp, Udp");
        }

        if (!BalancingAlgorithms.IsKnown(service.Algorithm))
        {
            errors.Add($"{key}:Algorithm '{service.Algorithm}' is not known; allowed: {string.Join(", ", BalancingAlgorithms.Names)}");
        }

        var affinity = service.Affinity ?? new AffinityDefinition();
        if (!Enum.TryParse<AffinityMode>(affinity.Mode, ignoreCase: true, out _) || int.TryParse(affinity.Mode, out _))
        {
            errors.Add($"{key}:Affinity:Mode '{affinity.Mode}' is not known; allowed: {string.Join(", ", Enum.GetNames<AffinityMode>())}");
        }

        if (affinity.IdleTimeoutSeconds is < 1 or > MaxAffinityIdleSeconds)
        {
            errors.Add($"{key}:Affinity:IdleTimeoutSeconds is {affinity.IdleTimeoutSeconds}; allowed 1-{MaxAffinityIdleSeconds}");
        }

        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var macs = new Dictionary<ulong, int>();
        var members = service.Members ?? [];
        for (var m = 0; m < members.Count; m++)
        {
            var member = members[m];
            var memberKey = $"{key}:Members:{m}";
            if (string.IsNullOrWhiteSpace(member.Name))
            {
                errors.Add($"{memberKey}:Name is empty; every member needs a name unique in its service");
            }
            else if (!names.TryAdd(member.Name, m))
            {
                errors.Add($"{memberKey}:Name '{member.Name}' is already used by {key}:Members:{names[member.Name]}");
            }

            if (CheckUnicastMac(errors, $"{memberKey}:Mac", member.Mac) is { } mac && !macs.TryAdd(mac.Value, m))
            {
                errors.Add($"{memberKey}:Mac '{member.Mac}' is already used by {key}:Members:{macs[mac.Value]}");
            }

            if (!Ipv4.TryParse(member.Ip, out var ip))
            {
                errors.Add($"{memberKey}:Ip '{member.Ip}' is not an IPv4 address");
            }
            else if (vipOk && ip == vip)
            {
                errors.Add($"{memberKey}:Ip '{member.Ip}' is the service's VirtualIp; a member needs its own address");
            }

            if (member.Weight is < 1 or > MaxWeight)
            {
                errors.Add($"{memberKey}:Weight is {member.Weight}; allowed 1-{MaxWeight}");
            }
        }

        return errors;
    }

    private static MacAddress? CheckUnicastMac(List<string> errors, string key, string? text)
    {
        if (!MacAddress.TryParse(text, null, out var mac))
        {
            errors.Add($"{key} '{text}' is not a MAC address (want aa:bb:cc:dd:ee:ff)");
            return null;
        }

        if (mac.IsMulticast || mac == MacAddress.Zero)
        {
            errors.Add($"{key} '{text}' is a multicast or zero address; a unicast MAC is needed");
            return null;
        }

        return mac;
    }

    private static bool IsOneOf(string? value, params string[] allowed) =>
        value is not null && allowed.Contains(value, StringComparer.OrdinalIgnoreCase);
}
