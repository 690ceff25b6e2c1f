using SdnDashboard.Collectors.Libvirt;

namespace SdnDashboard.Dashboard.Hosting;

/// <summary>
/// The first-run testbed: with no libvirt URI and no balancer service configured, the dashboard polls the
/// paper's two compute nodes (libvirt test-driver files shipped with the app) and balances one web service
/// over their four web VMs, so every page shows real data from the real pipeline on a laptop. Configuring
/// either a URI or a service replaces all of it; nothing of it lives in appsettings.json, so a configured
/// list is never merged index by index with these defaults.
/// </summary>
public static class BuiltInTestbed
{
    /// <summary>
    /// <c>true</c> while the testbed is in use (set by this class, for the UI to say so); set it to <c>false</c>
    /// to start with no sources at all.
    /// </summary>
    public const string EnabledKey = "Testbed:Enabled";

    private static readonly (string Name, string Mac, string Ip, string Vm)[] WebMembers =
    [
        ("web-1", "52:54:00:00:01:01", "10.0.0.11", "instance-00000001"),
        ("web-2", "52:54:00:00:01:02", "10.0.0.12", "instance-00000002"),
        ("web-3", "52:54:00:00:02:01", "10.0.0.21", "instance-00000004"),
        ("web-4", "52:54:00:00:02:02", "10.0.0.22", "instance-00000005"),
    ];

    public static WebApplicationBuilder AddBuiltInTestbed(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (string.Equals(config[EnabledKey], "false", StringComparison.OrdinalIgnoreCase)
            || config.GetSection("Libvirt:Uris").GetChildren().Any() || config.GetSection("Balancer:Services").GetChildren().Any())
        {
            return builder;
        }

        var values = new Dictionary<string, string?> { [EnabledKey] = "true" };
        var uris = LibvirtTestbed.Uris(AppContext.BaseDirectory);
        for (var i = 0; i < uris.Count; i++)
        {
            values[$"Libvirt:Uris:{i}"] = uris[i];
        }

        const string service = "Balancer:Services:0";
        values[$"{service}:Name"] = "web";
        values[$"{service}:VirtualIp"] = "10.0.0.100";
        values[$"{service}:VirtualMac"] = "02:00:0a:00:00:64";
        values[$"{service}:Port"] = "80";
        values[$"{service}:Algorithm"] = "RoundRobin";
        values[$"{service}:Affinity:Mode"] = "SourceMac";
        values[$"{service}:Affinity:IdleTimeoutSeconds"] = "300";
        for (var i = 0; i < WebMembers.Length; i++)
        {
            var (name, mac, ip, vm) = WebMembers[i];
            values[$"{service}:Members:{i}:Name"] = name;
            values[$"{service}:Members:{i}:Mac"] = mac;
            values[$"{service}:Members:{i}:Ip"] = ip;
            values[$"{service}:Members:{i}:Weight"] = "1";
            values[$"{service}:Members:{i}:VmName"] = vm;
        }

        config.AddInMemoryCollection(values);
        return builder;
    }
}
