using System.Globalization;
using System.Text;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Dashboard.Api;

/// <summary><c>GET /metrics</c>: per-VM, per-node and per-service gauges in Prometheus text format 0.0.4.</summary>
public static class MetricsEndpoint
{
    public static void MapMetrics(this WebApplication app) =>
        app.MapGet("/metrics", (ClusterFeed feed, BalancerState balancer, TimeProvider time) =>
            Results.Text(Render(feed.Current, balancer.Snapshot(time.GetUtcNow())), "text/plain; version=0.0.4; charset=utf-8"))
            .RequireAuthorization();

    public static string Render(ClusterSnapshot cluster, IReadOnlyList<ServiceStatus> services)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(services);
        var text = new StringBuilder();
        Gauge(text, "sdn_vm_cpu_percent", "VM CPU use over the last poll (100 = all vCPUs busy)",
            cluster.Vms.Values.Select(v => (VmLabels(v.Host, v.Name, v.Uuid), v.CpuPercent)));
        Gauge(text, "sdn_vm_network_receive_bytes_per_second", "VM network receive rate",
            cluster.Vms.Values.Select(v => (VmLabels(v.Host, v.Name, v.Uuid), v.NetRxBytesPerSec)));
        Gauge(text, "sdn_vm_network_transmit_bytes_per_second", "VM network transmit rate",
            cluster.Vms.Values.Select(v => (VmLabels(v.Host, v.Name, v.Uuid), v.NetTxBytesPerSec)));
        Gauge(text, "sdn_vm_disk_bytes_per_second", "VM disk read plus write rate",
            cluster.Vms.Values.Select(v => (VmLabels(v.Host, v.Name, v.Uuid), v.DiskReadBytesPerSec + v.DiskWriteBytesPerSec)));
        Gauge(text, "sdn_vm_running", "1 when the VM is running",
            cluster.Vms.Values.Select(v => (VmLabels(v.Host, v.Name, v.Uuid), v.State == "running" ? 1.0 : 0.0)));
        Gauge(text, "sdn_node_vms", "VMs defined on the compute node",
            cluster.Hosts.Values.Select(h => ($"host=\"{Escape(h.Host)}\"", (double)cluster.Vms.Values.Count(v => v.Host == h.Host))));
        Gauge(text, "sdn_node_memory_bytes", "Compute node memory",
            cluster.Hosts.Values.Select(h => ($"host=\"{Escape(h.Host)}\"", h.MemoryKiB * 1024.0)));
        Gauge(text, "sdn_balancer_member_clients", "Clients bound to the member",
            services.SelectMany(s => s.Members.Select(m => (MemberLabels(s, m), (double)m.ActiveClients))));
        Gauge(text, "sdn_balancer_member_eligible", "1 when the member may take new clients",
            services.SelectMany(s => s.Members.Select(m => (MemberLabels(s, m), m.Eligible ? 1.0 : 0.0))));
        Gauge(text, "sdn_balancer_service_clients", "Clients bound to the service",
            services.Select(s => ($"service=\"{Escape(s.Definition.Name)}\"", (double)s.Affinities.Count)));
        return text.ToString();
    }

    private static string VmLabels(string host, string name, string uuid) =>
        $"host=\"{Escape(host)}\",vm=\"{Escape(name)}\",uuid=\"{Escape(uuid)}\"";

    private static string MemberLabels(ServiceStatus s, MemberStatus m) =>
        $"service=\"{Escape(s.Definition.Name)}\",member=\"{Escape(m.Definition.Name)}\"";

    private static void Gauge(StringBuilder text, string name, string help, IEnumerable<(string Labels, double Value)> samples)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" gauge\n");
        foreach (var (labels, value) in samples)
        {
            text.Append(name).Append('{').Append(labels).Append("} ").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
