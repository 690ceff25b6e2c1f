using System.Globalization;
using System.Text;

namespace SdnDashboard.Core.Control;

/// <summary>
/// Matches and actions as text in the words of <c>ovs-ofctl dump-flows</c>, so what the dashboard shows
/// reads like what an admin sees on the switch.
/// </summary>
public static class FlowText
{
    public static string Match(PacketMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var parts = new List<string>();
        if (match.InPort is { } inPort)
        {
            parts.Add($"in_port={Port(inPort)}");
        }

        if (match.EthSrc is { } src)
        {
            parts.Add($"dl_src={src}");
        }

        if (match.EthDst is { } dst)
        {
            parts.Add($"dl_dst={dst}");
        }

        if (match.VlanId is { } vlan)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"dl_vlan={vlan}"));
        }

        if (match.EthType is { } type)
        {
            parts.Add(type switch { 0x0800 => "ip", 0x0806 => "arp", 0x86dd => "ipv6", _ => $"dl_type=0x{type:x4}" });
        }

        if (match.IpProto is { } proto)
        {
            parts.Add(proto switch { 6 => "tcp", 17 => "udp", 1 => "icmp", _ => string.Create(CultureInfo.InvariantCulture, $"nw_proto={proto}") });
        }

        if (match.Ipv4Src is { } ipSrc)
        {
            parts.Add($"nw_src={ipSrc}");
        }

        if (match.Ipv4Dst is { } ipDst)
        {
            parts.Add($"nw_dst={ipDst}");
        }

        if (match.ArpTpa is { } tpa)
        {
            parts.Add($"arp_tpa={tpa}");
        }

        if (match.TpSrc is { } tpSrc)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"tp_src={tpSrc}"));
        }

        if (match.TpDst is { } tpDst)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"tp_dst={tpDst}"));
        }

        return parts.Count == 0 ? "(any)" : string.Join(',', parts);
    }

    public static string Actions(IReadOnlyList<FlowAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            return "drop";
        }

        var text = new StringBuilder();
        foreach (var action in actions)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(action switch
            {
                OutputAction o => $"output:{Port(o.Port)}",
                SetEthSrcAction a => $"mod_dl_src:{a.Mac}",
                SetEthDstAction a => $"mod_dl_dst:{a.Mac}",
                SetIpv4SrcAction a => $"mod_nw_src:{a.Address}",
                SetIpv4DstAction a => $"mod_nw_dst:{a.Address}",
                _ => action.GetType().Name,
            });
        }

        return text.ToString();
    }

    public static string Port(uint port) => port switch
    {
        OfPorts.InPort => "IN_PORT",
        OfPorts.Table => "TABLE",
        OfPorts.Normal => "NORMAL",
        OfPorts.Flood => "FLOOD",
        OfPorts.All => "ALL",
        OfPorts.Controller => "CONTROLLER",
        OfPorts.Local => "LOCAL",
        OfPorts.Any => "ANY",
        _ => port.ToString(CultureInfo.InvariantCulture),
    };
}
