using System.Globalization;
using System.Text.Json;
using SdnDashboard.Collectors.Sflow;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Tests.Sflow;

/// <summary>
/// Compares our decode of one datagram with tshark's (<c>tshark -T json</c>) field by field. Every leaf
/// field tshark shows inside a record we decode must be either compared or listed in
/// <see cref="NotModelled"/>; an unmatched field fails the test, so nothing tshark decodes is skipped silently.
/// </summary>
internal static class TsharkSflowComparer
{
    /// <summary>tshark fields that are framing or presentation, not values of the record.</summary>
    private static readonly HashSet<string> NotModelled = new(StringComparer.Ordinal)
    {
        "sflow.enterprise", "sflow_245.counters_record_format", "sflow_245.flow_record_format", "sflow_5.flow_data_length",

        // tshark 4.0 takes these bits of the 32-bit tcp_flags and tos words from their high byte, so it shows 0 for
        // every real value (0x18 shows as all flags clear); the words themselves it does not show.
        "sflow_245.ip.tcp_flag.cwr", "sflow_245.ip.tcp_flag.ece", "sflow_245.ip.tcp_flag.urg", "sflow_245.ip.tcp_flag.ack",
        "sflow_245.ip.tcp_flag.psh", "sflow_245.ip.tcp_flag.rst", "sflow_245.ip.tcp_flag.syn", "sflow_245.ip.tcp_flag.fin",
        "sflow_245.ipv4_precedence_type", "sflow_245.ipv4_delay", "sflow_245.ipv4_throughput", "sflow_245.ipv4_reliability",
        "sflow_245.ipv4_cost",
    };

    /// <summary>tshark names that differ from our property names (lower-cased, without prefix).</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["ifinoct"] = "ifinoctets", ["ifinpkt"] = "ifinucastpkts", ["ifinmcast"] = "ifinmulticastpkts",
        ["ifinbcast"] = "ifinbroadcastpkts", ["ifindisc"] = "ifindiscards", ["ifinerr"] = "ifinerrors",
        ["ifinunk"] = "ifinunknownprotos", ["ifoutoct"] = "ifoutoctets", ["ifoutpkt"] = "ifoutucastpkts",
        ["ifoutmcast"] = "ifoutmulticastpkts", ["ifoutbcast"] = "ifoutbroadcastpkts", ["ifoutdisc"] = "ifoutdiscards",
        ["ifouterr"] = "ifouterrors", ["ifpromisc"] = "ifpromiscuousmode",
        ["ethernetlength"] = "length", ["ethernetsourcemacaddress"] = "sourcemac",
        ["ethernetdestinationmacaddress"] = "destinationmac", ["ethernetpackettype"] = "ethertype",
        ["iplength"] = "length", ["ipprotocol"] = "protocol", ["ipv4src"] = "sourceip", ["ipv4dst"] = "destinationip",
        ["ipv6src"] = "sourceip", ["ipv6dst"] = "destinationip", ["ipsourceport"] = "sourceport",
        ["ipdestinationport"] = "destinationport", ["ipv6priority"] = "priority",
        ["nexthopv6"] = "nexthop", ["nexthopsrcmask"] = "sourcemasklength", ["nexthopdstmask"] = "destinationmasklength",
    };

    private static readonly JsonSerializerOptions RecordJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new MacAddressJsonConverter(), new IpAddressValueJsonConverter() },
    };

    public sealed class Stats
    {
        public int FieldsCompared { get; set; }

        public int RecordsCompared { get; set; }

        public int TsharkLostSync { get; set; }

        public int FlowSamples { get; set; }

        public int CounterSamples { get; set; }
    }

    public static void CompareDatagram(JsonElement sflow, SflowDatagram ours, string where, Stats stats)
    {
        Equal(sflow, "sflow_245.version", 5, where, stats);
        if (sflow.TryGetProperty("sflow_245.agent", out var agent))
        {
            Assert.Equal(agent.GetString(), ours.AgentAddress.ToString());
            stats.FieldsCompared++;
        }
        else
        {
            Assert.Equal(sflow.GetProperty("sflow_245.agent.v6").GetString(), ours.AgentAddress.ToString());
            stats.FieldsCompared++;
        }

        Equal(sflow, "sflow_245.sub_agent_id", ours.SubAgentId, where, stats);
        Equal(sflow, "sflow_245.sequence_number", ours.SequenceNumber, where, stats);
        Equal(sflow, "sflow_245.sysuptime", ours.UptimeMs, where, stats);
        Equal(sflow, "sflow_245.numsamples", ours.Samples.Count, where, stats);

        var tsharkSamples = sflow.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && !p.Name.EndsWith("_tree", StringComparison.Ordinal))
            .ToList();

        // tshark may stop inside a sample it calls malformed: compare as many samples as it shows.
        Assert.True(tsharkSamples.Count <= ours.Samples.Count, $"{where}: tshark shows more samples than we decoded");
        for (var i = 0; i < tsharkSamples.Count; i++)
        {
            var at = $"{where} sample {i} ('{tsharkSamples[i].Name}')";
            switch (ours.Samples[i])
            {
                case SflowFlowSample flow:
                    CompareFlowSample(tsharkSamples[i].Value, flow, at, stats);
                    stats.FlowSamples++;
                    break;
                case SflowCounterSample counters:
                    CompareCounterSample(tsharkSamples[i].Value, counters, at, stats);
                    stats.CounterSamples++;
                    break;
                default:
                    Assert.Fail($"{at}: unexpected sample type {ours.Samples[i].GetType().Name}");
                    break;
            }
        }
    }

    private static void CompareFlowSample(JsonElement t, SflowFlowSample s, string at, Stats stats)
    {
        const string prefix = "sflow.flow_sample.";
        Equal(t, "sflow_245.sampletype", s.Expanded ? 3 : 1, at, stats);
        Equal(t, prefix + "sequence_number", s.SequenceNumber, at, stats);
        if (s.Expanded)
        {
            Equal(t, prefix + "source_id_type", s.SourceIdType, at, stats);
            Equal(t, prefix + "source_id_index", s.SourceIdIndex, at, stats);
        }
        else
        {
            Equal(t, prefix + "source_id_class", s.SourceIdType, at, stats);
            Equal(t, prefix + "index", s.SourceIdIndex, at, stats);
        }

        Equal(t, prefix + "sampling_rate", s.SamplingRate, at, stats);
        Equal(t, prefix + "sample_pool", s.SamplePool, at, stats);
        Equal(t, prefix + "dropped_packets", s.Drops, at, stats);
        if (s.Expanded)
        {
            Equal(t, prefix + "input_interface_format", s.InputFormat, at, stats);
            Equal(t, prefix + "input_interface_value", s.Input, at, stats);
            Equal(t, prefix + "output_interface.format", s.OutputFormat, at, stats);
            Equal(t, prefix + "output_interface_value", s.Output, at, stats);
        }
        else
        {
            Equal(t, prefix + "input_interface", (s.InputFormat << 30) | s.Input, at, stats);
            Equal(t, prefix + "output_interface", (s.OutputFormat << 30) | s.Output, at, stats);
        }

        Equal(t, prefix + "flow_record", s.Records.Count, at, stats);
        var records = t.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && !p.Name.EndsWith("_tree", StringComparison.Ordinal))
            .ToList();
        for (var i = 0; i < records.Count; i++)
        {
            var rat = $"{at} record {i} ('{records[i].Name}')";
            var tr = records[i].Value;
            var ours = s.Records[i];
            if (!tr.TryGetProperty("sflow_245.flow_record_format", out _))
            {
                stats.TsharkLostSync++;
                return;
            }

            Equal(tr, "sflow_245.flow_record_format", ours.Format.Format, rat, stats);
            Equal(tr, "sflow_5.flow_data_length", BodyLength(ours.WriteBody), rat, stats);
            stats.RecordsCompared++;
            switch (ours)
            {
                case SflowRawPacketHeader raw:
                    CompareRawHeader(tr, raw, rat, stats);
                    break;
                case SflowExtendedSwitch sw:
                    Equal(tr, "sflow_245.vlan.in", sw.SourceVlan, rat, stats);
                    Equal(tr, "sflow_245.pri.in", sw.SourcePriority, rat, stats);
                    Equal(tr, "sflow_245.vlan.out", sw.DestinationVlan, rat, stats);
                    Equal(tr, "sflow_245.pri.out", sw.DestinationPriority, rat, stats);
                    break;
                case SflowUnknownFlowRecord:
                    stats.TsharkLostSync++;
                    return;
                default:
                    CompareLeaves(tr, ours, rat, stats);
                    break;
            }
        }
    }

    private static void CompareRawHeader(JsonElement t, SflowRawPacketHeader raw, string at, Stats stats)
    {
        Equal(t, "sflow_245.header_protocol", raw.HeaderProtocol, at, stats);
        Equal(t, "sflow_245.header.frame_length", raw.FrameLength, at, stats);
        Equal(t, "sflow_245.header.payload_stripped", raw.Stripped, at, stats);
        Equal(t, "sflow_245.header.sampled_header_length", raw.Header.Length, at, stats);
        // tshark shows the sampled bytes with their XDR padding (OVS leaves whatever was in memory there).
        var tsharkBytes = Convert.FromHexString(t.GetProperty("sflow_245.header").GetString()!.Replace(":", string.Empty, StringComparison.Ordinal));
        Assert.Equal((raw.Header.Length + 3) & ~3, tsharkBytes.Length);
        Assert.Equal(tsharkBytes[..raw.Header.Length], raw.Header);
        stats.FieldsCompared++;
        if (!t.TryGetProperty("sflow_245.header_tree", out var tree))
        {
            return;
        }

        var h = raw.Parse();
        foreach (var layer in tree.EnumerateObject())
        {
            var l = layer.Value;
            var lat = $"{at} {layer.Name}";
            switch (layer.Name)
            {
                case "eth":
                    Assert.True(h.Has(PacketLayers.Ethernet), lat);
                    EqualText(l, "eth.src", h.SourceMac.ToString(), lat, stats);
                    EqualText(l, "eth.dst", h.DestinationMac.ToString(), lat, stats);
                    if (!h.Has(PacketLayers.Vlan))
                    {
                        Equal(l, "eth.type", h.EtherType, lat, stats);
                    }

                    break;
                case "vlan":
                    Assert.True(h.Has(PacketLayers.Vlan), lat);
                    Equal(l, "vlan.id", h.VlanId, lat, stats);
                    Equal(l, "vlan.priority", h.VlanPriority, lat, stats);
                    Equal(l, "vlan.etype", h.EtherType, lat, stats);
                    break;
                case "ip":
                    Assert.True(h.Has(PacketLayers.IPv4), lat);
                    EqualText(l, "ip.src", h.SourceIp.ToString(), lat, stats);
                    EqualText(l, "ip.dst", h.DestinationIp.ToString(), lat, stats);
                    Equal(l, "ip.proto", h.IpProtocol, lat, stats);
                    Equal(l, "ip.ttl", h.IpTtl, lat, stats);
                    Equal(l, "ip.len", h.IpTotalLength, lat, stats);
                    Equal(l, "ip.dsfield", h.IpTos, lat, stats);
                    break;
                case "ipv6":
                    Assert.True(h.Has(PacketLayers.IPv6), lat);
                    EqualText(l, "ipv6.src", h.SourceIp.ToString(), lat, stats);
                    EqualText(l, "ipv6.dst", h.DestinationIp.ToString(), lat, stats);
                    Equal(l, "ipv6.hlim", h.IpTtl, lat, stats);
                    Equal(l, "ipv6.plen", h.IpTotalLength - PacketHeaderParser.IPv6HeaderSize, lat, stats);
                    Equal(l, "ipv6.tclass", h.IpTos, lat, stats);
                    break;
                case "tcp":
                    Assert.True(h.Has(PacketLayers.Tcp), lat);
                    Equal(l, "tcp.srcport", h.SourcePort, lat, stats);
                    Equal(l, "tcp.dstport", h.DestinationPort, lat, stats);
                    Equal(l, "tcp.flags", h.TcpFlags, lat, stats);
                    Equal(h.IpProtocol, IpProtocols.Tcp, lat, stats);
                    break;
                case "udp":
                    Assert.True(h.Has(PacketLayers.Udp), lat);
                    Equal(l, "udp.srcport", h.SourcePort, lat, stats);
                    Equal(l, "udp.dstport", h.DestinationPort, lat, stats);
                    Equal(h.IpProtocol, IpProtocols.Udp, lat, stats);
                    break;
                case "icmp":
                    Assert.True(h.Has(PacketLayers.Icmp), lat);
                    Equal(l, "icmp.type", h.IcmpType, lat, stats);
                    Equal(l, "icmp.code", h.IcmpCode, lat, stats);
                    break;
                case "icmpv6":
                    Assert.True(h.Has(PacketLayers.Icmp), lat);
                    Equal(l, "icmpv6.type", h.IcmpType, lat, stats);
                    Equal(l, "icmpv6.code", h.IcmpCode, lat, stats);
                    Equal(h.IpProtocol, IpProtocols.Icmpv6, lat, stats);
                    break;
                case "arp":
                    Assert.True(h.Has(PacketLayers.Arp), lat);
                    Equal(l, "arp.opcode", h.ArpOperation, lat, stats);
                    EqualText(l, "arp.src.hw_mac", h.ArpSenderMac.ToString(), lat, stats);
                    EqualText(l, "arp.src.proto_ipv4", h.SourceIp.ToString(), lat, stats);
                    EqualText(l, "arp.dst.hw_mac", h.ArpTargetMac.ToString(), lat, stats);
                    EqualText(l, "arp.dst.proto_ipv4", h.DestinationIp.ToString(), lat, stats);
                    break;
                default:
                    break;
            }
        }
    }

    private static void CompareCounterSample(JsonElement t, SflowCounterSample s, string at, Stats stats)
    {
        Equal(t, "sflow_245.sampletype", s.Expanded ? 4 : 2, at, stats);
        Equal(t, "sflow.counters_sample.sequence_number", s.SequenceNumber, at, stats);
        Equal(t, "sflow.counters_sample.source_id_type", s.SourceIdType, at, stats);
        Equal(t, "sflow.counters_sample.source_id_index", s.SourceIdIndex, at, stats);

        Equal(t, "sflow.counters_sample.counters_records", s.Records.Count, at, stats);
        var records = t.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).ToList();
        for (var i = 0; i < records.Count; i++)
        {
            var rat = $"{at} record {i} ('{records[i].Name}')";
            var tr = records[i].Value;
            var ours = s.Records[i];
            if (!tr.TryGetProperty("sflow_245.counters_record_format", out _))
            {
                // tshark lost its place after a record it could not decode ("Unknown enterprise format").
                stats.TsharkLostSync++;
                return;
            }

            Equal(tr, "sflow_245.counters_record_format", ours.Format.Format, rat, stats);
            Equal(tr, "sflow_5.flow_data_length", BodyLength(ours.WriteBody), rat, stats);
            stats.RecordsCompared++;
            if (records[i].Name.StartsWith("Unknown", StringComparison.Ordinal))
            {
                // tshark 4.0 does not know this format and (for OVS's 1004) then misreads the rest; we go on.
                stats.TsharkLostSync++;
                return;
            }

            CompareLeaves(tr, ours, rat, stats);
        }
    }

    /// <summary>Compares every leaf tshark shows with our record's JSON property of the same (aliased) name.</summary>
    private static void CompareLeaves(JsonElement tsharkRecord, object ours, string at, Stats stats)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(ours, ours.GetType(), RecordJson));
        var mine = doc.RootElement.EnumerateObject()
            .ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Value.Clone(), StringComparer.Ordinal);
        if (ours is SflowGenericInterfaceCounters generic)
        {
            // tshark splits ifStatus into its two bits.
            mine["ifadminstatus"] = JsonSerializer.SerializeToElement(generic.IfStatus & 1);
            mine["ifoperstatus"] = JsonSerializer.SerializeToElement((generic.IfStatus >> 1) & 1);
        }

        foreach (var leaf in Leaves(tsharkRecord))
        {
            if (NotModelled.Contains(leaf.Name))
            {
                continue;
            }

            var name = leaf.Name[(leaf.Name.IndexOf('.', StringComparison.Ordinal) + 1)..].ToLowerInvariant()
                .Replace("_", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
            name = Aliases.GetValueOrDefault(name, name);
            Assert.True(mine.TryGetValue(name, out var value), $"{at}: tshark field {leaf.Name} has no counterpart in our record ({string.Join(",", mine.Keys)})");
            var expected = leaf.Value.GetString()!;
            var actual = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (value.ValueKind == JsonValueKind.Number && actual.Contains('.', StringComparison.Ordinal))
            {
                Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), value.GetDouble(), 3);
            }
            else if (value.ValueKind == JsonValueKind.Number)
            {
                Assert.True(ParseNumber(expected) == ulong.Parse(actual, CultureInfo.InvariantCulture), $"{at}: {leaf.Name} tshark {expected}, ours {actual}");
            }
            else
            {
                Assert.True(string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase), $"{at}: {leaf.Name} tshark '{expected}', ours '{actual}'");
            }

            stats.FieldsCompared++;
        }
    }

    private static IEnumerable<JsonProperty> Leaves(JsonElement e)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in Leaves(p.Value))
                {
                    yield return inner;
                }
            }
            else if (p.Value.ValueKind == JsonValueKind.String)
            {
                yield return p;
            }
        }
    }

    private static int BodyLength(Action<SflowWriter> write)
    {
        var w = new SflowWriter();
        write(w);
        return w.Length;
    }

    private static ulong ParseNumber(string text) => text.StartsWith("0x", StringComparison.Ordinal)
        ? ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : ulong.Parse(text, CultureInfo.InvariantCulture);

    private static void Equal(JsonElement t, string field, long ours, string at, Stats stats)
    {
        Assert.True(t.TryGetProperty(field, out var v), $"{at}: tshark has no {field}");
        Assert.True(ParseNumber(v.GetString()!) == (ulong)ours, $"{at}: {field} tshark {v.GetString()}, ours {ours}");
        stats.FieldsCompared++;
    }

    private static void Equal(long a, long b, string at, Stats stats)
    {
        Assert.True(a == b, $"{at}: {a} != {b}");
        stats.FieldsCompared++;
    }

    private static void EqualText(JsonElement t, string field, string ours, string at, Stats stats)
    {
        Assert.True(t.TryGetProperty(field, out var v), $"{at}: tshark has no {field}");
        Assert.True(string.Equals(v.GetString(), ours, StringComparison.OrdinalIgnoreCase), $"{at}: {field} tshark {v.GetString()}, ours {ours}");
        stats.FieldsCompared++;
    }
}
