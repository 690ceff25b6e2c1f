using System.Text.Json;
using SdnDashboard.Collectors.Capture;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Collectors.Sflow;

/// <summary>
/// <c>sflow decode FILE</c>: reads a pcap/pcapng of UDP sFlow datagrams and writes JSON Lines, one object
/// per sample in capture order; a malformed datagram becomes one <c>error</c> line and decoding goes on.
/// </summary>
public static class SflowDecodeCommand
{
    private static readonly JsonSerializerOptions RecordJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new MacAddressJsonConverter(), new IpAddressValueJsonConverter() },
    };

    /// <summary>Runs the verb; returns the process exit code (0 when the file was read).</summary>
    public static int Run(string[] args, Stream output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length != 1)
        {
            error.WriteLine("usage: sflow decode FILE.pcap|FILE.pcapng");
            return 2;
        }

        List<CapturedFrame> frames;
        try
        {
            frames = CaptureFileReader.ReadFile(args[0]).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CaptureFormatException)
        {
            error.WriteLine($"sflow decode: cannot read '{args[0]}': {ex.Message}");
            return 1;
        }

        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        foreach (var frame in frames)
        {
            if (!UdpDatagramExtractor.TryExtract(frame, out var udp))
            {
                continue;
            }

            SflowDatagram datagram;
            try
            {
                datagram = SflowDatagramDecoder.Decode(udp.Payload.Span);
            }
            catch (SflowFormatException ex)
            {
                json.WriteStartObject();
                json.WriteString("type", "error");
                json.WriteNumber("frame", frame.Number);
                json.WriteNumber("offset", ex.Offset);
                json.WriteString("message", ex.Reason);
                json.WriteEndObject();
                NewLine(json, output);
                continue;
            }

            foreach (var sample in datagram.Samples)
            {
                WriteSample(json, datagram, sample);
                NewLine(json, output);
            }
        }

        json.Flush();
        return 0;
    }

    /// <summary>Writes one sample as one JSON object (the line format of <c>sflow decode</c>).</summary>
    public static void WriteSample(Utf8JsonWriter json, SflowDatagram datagram, SflowSample sample)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(datagram);
        json.WriteStartObject();
        switch (sample)
        {
            case SflowFlowSample flow:
                json.WriteString("type", "flow");
                WriteDatagramFields(json, datagram, flow.SourceIdIndex);
                WriteFlow(json, flow);
                break;
            case SflowCounterSample counters:
                json.WriteString("type", "counters");
                WriteDatagramFields(json, datagram, counters.SourceIdIndex);
                json.WritePropertyName("records");
                json.WriteStartArray();
                foreach (var record in counters.Records)
                {
                    JsonSerializer.Serialize(json, record, record.GetType(), RecordJson);
                }

                json.WriteEndArray();
                break;
            case SflowUnknownSample unknown:
                json.WriteString("type", "unknown");
                json.WriteString("agent", datagram.AgentAddress.ToString());
                json.WriteNumber("datagramSequence", datagram.SequenceNumber);
                json.WriteNumber("enterprise", unknown.UnknownFormat.Enterprise);
                json.WriteNumber("format", unknown.UnknownFormat.Format);
                json.WriteNumber("length", unknown.Data.Length);
                break;
            default:
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteDatagramFields(Utf8JsonWriter json, SflowDatagram datagram, uint sourceIdIndex)
    {
        json.WriteString("agent", datagram.AgentAddress.ToString());
        json.WriteNumber("datagramSequence", datagram.SequenceNumber);
        json.WriteNumber("sourceIdIndex", sourceIdIndex);
    }

    private static void WriteFlow(Utf8JsonWriter json, SflowFlowSample flow)
    {
        json.WriteNumber("samplingRate", flow.SamplingRate);
        json.WriteNumber("samplePool", flow.SamplePool);
        json.WriteNumber("drops", flow.Drops);
        json.WriteNumber("input", flow.Input);
        json.WriteNumber("output", flow.Output);
        var raw = flow.Records.OfType<SflowRawPacketHeader>().FirstOrDefault();
        if (raw is not null)
        {
            json.WriteNumber("frameLength", raw.FrameLength);
            WriteHeader(json, raw.Parse());
            return;
        }

        // Agents that send decoded records instead of a sampled header.
        if (flow.Records.OfType<SflowEthernetFrameData>().FirstOrDefault() is { } eth)
        {
            json.WriteNumber("frameLength", eth.Length);
            json.WriteString("srcMac", eth.SourceMac.ToString());
            json.WriteString("dstMac", eth.DestinationMac.ToString());
            json.WriteNumber("etherType", eth.EtherType);
        }

        if (flow.Records.OfType<SflowIpv4Data>().FirstOrDefault() is { } v4)
        {
            WriteIpData(json, v4.SourceIp, v4.DestinationIp, v4.Protocol, v4.SourcePort, v4.DestinationPort, v4.TcpFlags);
        }
        else if (flow.Records.OfType<SflowIpv6Data>().FirstOrDefault() is { } v6)
        {
            WriteIpData(json, v6.SourceIp, v6.DestinationIp, v6.Protocol, v6.SourcePort, v6.DestinationPort, v6.TcpFlags);
        }
    }

    private static void WriteIpData(
        Utf8JsonWriter json, IpAddressValue src, IpAddressValue dst, uint protocol, uint srcPort, uint dstPort, uint tcpFlags)
    {
        json.WriteString("srcIp", src.ToString());
        json.WriteString("dstIp", dst.ToString());
        json.WriteNumber("ipProtocol", protocol);
        if (protocol is IpProtocols.Tcp or IpProtocols.Udp)
        {
            json.WriteNumber("srcPort", srcPort);
            json.WriteNumber("dstPort", dstPort);
        }

        if (protocol == IpProtocols.Tcp)
        {
            json.WriteNumber("tcpFlags", tcpFlags);
        }
    }

    private static void WriteHeader(Utf8JsonWriter json, PacketHeader h)
    {
        if (h.Has(PacketLayers.Ethernet))
        {
            json.WriteString("srcMac", h.SourceMac.ToString());
            json.WriteString("dstMac", h.DestinationMac.ToString());
        }

        if (h.Has(PacketLayers.Vlan))
        {
            json.WriteNumber("vlan", h.VlanId);
        }

        if (h.Has(PacketLayers.Ethernet))
        {
            json.WriteNumber("etherType", h.EtherType);
        }

        if (h.HasIp || h.Has(PacketLayers.Arp))
        {
            json.WriteString("srcIp", h.SourceIp.ToString());
            json.WriteString("dstIp", h.DestinationIp.ToString());
        }

        if (h.HasIp)
        {
            json.WriteNumber("ipProtocol", h.IpProtocol);
        }

        if (h.HasPorts)
        {
            json.WriteNumber("srcPort", h.SourcePort);
            json.WriteNumber("dstPort", h.DestinationPort);
        }

        if (h.Has(PacketLayers.Tcp))
        {
            json.WriteNumber("tcpFlags", h.TcpFlags);
        }
    }

    private static void NewLine(Utf8JsonWriter json, Stream output)
    {
        json.Flush();
        output.WriteByte((byte)'\n');
        json.Reset(output);
    }
}
