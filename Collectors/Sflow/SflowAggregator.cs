using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Sflow;

/// <summary>
/// Turns sFlow datagrams into one <see cref="TrafficBatch"/> per interval: per-VM bytes and packets (by
/// vNIC MAC, scaled by the sampling rate), the top flows by estimated bytes, per-port counter rates, and
/// the losses seen in sequence numbers. No I/O. <see cref="Ingest"/> allocates nothing per sample once
/// the agents, ports, VMs and flows of an interval have been seen; it is called from the receive thread
/// and <see cref="Flush"/> from the publisher, under one uncontended lock.
/// </summary>
public sealed class SflowAggregator
{
    private const int MaxMacsPerInterval = 100_000;
    private const int MaxFlowsPerInterval = 200_000;
    private const int GenericCountersLength = 88;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _topFlows;
    private readonly HashSet<IpAddressValue> _allowed;
    private readonly Lock _flushGate = new();
    private readonly Dictionary<SourceKey, SourceState> _sources = [];
    private readonly Dictionary<(IpAddressValue Agent, uint SubAgent), uint> _datagramSequences = [];
    private readonly Dictionary<(IpAddressValue Agent, uint IfIndex), InterfaceState> _interfaces = [];
    private readonly Dictionary<IpAddressValue, AgentTotals> _agents = [];
    private Dictionary<ulong, string> _vms = [];
    private IntervalTotals _current = new();
    private IntervalTotals _spare = new();
    private long _intervalStartTimestamp;
    private DateTimeOffset _intervalStart;

    /// <param name="time">The clock for interval boundaries.</param>
    /// <param name="topFlows">How many flows a batch carries.</param>
    /// <param name="allowedAgents">Accepted senders; empty accepts all.</param>
    public SflowAggregator(TimeProvider time, int topFlows, IEnumerable<IpAddressValue> allowedAgents)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _topFlows = topFlows;
        _allowed = [.. allowedAgents];
        _intervalStart = time.GetUtcNow();
        _intervalStartTimestamp = time.GetTimestamp();
    }

    /// <summary>Lifetime totals, for health checks and tests.</summary>
    public long TotalDatagrams { get; private set; }

    public long TotalMalformed { get; private set; }

    public long TotalDropped { get; private set; }

    /// <summary>Replaces the MAC-to-VM-name map (from libvirt on the bus, or configuration).</summary>
    public void SetVms(IReadOnlyDictionary<MacAddress, string> vms)
    {
        ArgumentNullException.ThrowIfNull(vms);
        var map = vms.ToDictionary(p => p.Key.Value, p => p.Value);
        lock (_gate)
        {
            _vms = map;
        }
    }

    /// <summary>Accounts one datagram from <paramref name="sender"/>; a malformed one changes nothing but the counts.</summary>
    public SflowIngestOutcome Ingest(ReadOnlySpan<byte> datagram, IpAddressValue sender, out SflowFormatException? error)
    {
        error = null;
        lock (_gate)
        {
            TotalDatagrams++;
            if (_allowed.Count > 0 && !_allowed.Contains(sender))
            {
                _current.Dropped++;
                TotalDropped++;
                return SflowIngestOutcome.NotAllowed;
            }

            var visitor = new Visitor(this, datagram, _time.GetTimestamp());
            try
            {
                if (IsRepeat(datagram))
                {
                    _current.Duplicates++;
                    return SflowIngestOutcome.Duplicate;
                }

                SflowDatagramReader.Read(datagram, ref visitor);
            }
            catch (SflowFormatException ex)
            {
                _current.Malformed++;
                TotalMalformed++;
                error = ex;
                return SflowIngestOutcome.Malformed;
            }

            _current.Datagrams++;
            return SflowIngestOutcome.Accepted;
        }
    }

    /// <summary>
    /// True for a second copy of the datagram just accounted from the same agent and sub-agent (same
    /// sequence number): an agent exporting to two targets that reach this collector sends each one twice.
    /// </summary>
    private bool IsRepeat(ReadOnlySpan<byte> datagram)
    {
        var r = new SflowReader(datagram);
        if (r.ReadUInt32() != SflowDatagramReader.Version5)
        {
            return false;
        }

        var agent = r.ReadAddress();
        var subAgent = r.ReadUInt32();
        var sequence = r.ReadUInt32();
        return _datagramSequences.TryGetValue((agent, subAgent), out var last) && last == sequence;
    }

    /// <summary>
    /// Closes the interval: returns its batch and starts the next one. The interval's totals are swapped
    /// out under the lock in O(1) and summarised outside it, so the receive thread never waits for the
    /// top-flow selection over a large interval.
    /// </summary>
    /// <param name="collector">Names this collector in the batch.</param>
    public TrafficBatch Flush(string collector)
    {
        lock (_flushGate)
        {
            IntervalTotals done;
            Dictionary<ulong, string> vmNames;
            List<InterfaceRate> interfaces;
            List<SflowAgentStatus> agents;
            DateTimeOffset start, now;
            double seconds;
            lock (_gate)
            {
                now = _time.GetUtcNow();
                var nowTimestamp = _time.GetTimestamp();
                seconds = Math.Max(_time.GetElapsedTime(_intervalStartTimestamp, nowTimestamp).TotalSeconds, 1e-3);
                done = _current;
                _current = _spare;
                _spare = done;
                vmNames = _vms;
                interfaces = InterfaceRates(now);
                agents = AgentStatuses();
                start = _intervalStart;
                _intervalStart = now;
                _intervalStartTimestamp = nowTimestamp;
            }

            var vms = new List<VmTraffic>(vmNames.Count);
            foreach (var (mac, name) in vmNames)
            {
                var t = done.Macs.GetValueOrDefault(mac);
                vms.Add(new VmTraffic
                {
                    Mac = new MacAddress(mac).ToString(),
                    VmName = name,
                    BytesIn = t.BytesIn,
                    BytesOut = t.BytesOut,
                    PacketsIn = t.PacketsIn,
                    PacketsOut = t.PacketsOut,
                    IntervalSeconds = seconds,
                    At = now,
                });
            }

            var batch = new TrafficBatch
            {
                Collector = collector,
                IntervalStart = start,
                IntervalSeconds = seconds,
                Vms = vms,
                TopFlows = TopFlows(done.Flows, seconds),
                Datagrams = done.Datagrams,
                Samples = done.Samples,
                LostSamples = done.LostSamples,
                LostDatagrams = done.LostDatagrams,
                MalformedDatagrams = done.Malformed,
                DroppedDatagrams = done.Dropped,
                DuplicateDatagrams = done.Duplicates,
                Interfaces = interfaces,
                Agents = agents,
            };

            // Cleared here, outside the lock; it becomes the current interval at the next flush.
            done.Clear();
            return batch;
        }
    }

    /// <summary>The largest flows by bytes, largest first: a min-heap of N, so O(flows log N).</summary>
    private List<FlowRate> TopFlows(Dictionary<FlowKey, FlowTotals> flows, double seconds)
    {
        if (_topFlows == 0 || flows.Count == 0)
        {
            return [];
        }

        var heap = new PriorityQueue<(FlowKey Key, FlowTotals Totals), long>(_topFlows + 1);
        foreach (var (key, totals) in flows)
        {
            if (heap.Count < _topFlows)
            {
                heap.Enqueue((key, totals), totals.Bytes);
            }
            else if (heap.TryPeek(out _, out var smallest) && totals.Bytes > smallest)
            {
                heap.DequeueEnqueue((key, totals), totals.Bytes);
            }
        }

        var top = new List<FlowRate>(heap.Count);
        while (heap.TryDequeue(out var entry, out _))
        {
            var (key, totals) = entry;
            top.Add(new FlowRate
            {
                SrcIp = key.Source.ToString(),
                DstIp = key.Destination.ToString(),
                Protocol = key.Protocol,
                SrcPort = key.SourcePort,
                DstPort = key.DestinationPort,
                SrcMac = new MacAddress(totals.SourceMac).ToString(),
                DstMac = new MacAddress(totals.DestinationMac).ToString(),
                Bytes = totals.Bytes,
                Packets = totals.Packets,
                BytesPerSec = totals.Bytes / seconds,
            });
        }

        top.Reverse();
        return top;
    }

    private List<InterfaceRate> InterfaceRates(DateTimeOffset now)
    {
        var rates = new List<InterfaceRate>();
        foreach (var ((agent, ifIndex), state) in _interfaces)
        {
            if (!state.Updated)
            {
                continue;
            }

            state.Updated = false;
            var r = state.Rates;
            rates.Add(new InterfaceRate
            {
                Agent = agent.ToString(),
                IfIndex = ifIndex,
                Name = state.Name,
                SpeedBitsPerSec = (long)Math.Min(state.Previous.IfSpeed, long.MaxValue),
                Up = (state.Previous.IfStatus & 2) != 0,
                InBytesPerSec = r.InBytes,
                OutBytesPerSec = r.OutBytes,
                InPacketsPerSec = r.InPackets,
                OutPacketsPerSec = r.OutPackets,
                InErrorsPerSec = r.InErrors,
                OutErrorsPerSec = r.OutErrors,
                InDiscardsPerSec = r.InDiscards,
                OutDiscardsPerSec = r.OutDiscards,
                Resets = state.Resets,
                At = now,
            });
        }

        return rates;
    }

    private List<SflowAgentStatus> AgentStatuses()
    {
        var list = new List<SflowAgentStatus>(_agents.Count);
        foreach (var (agent, t) in _agents)
        {
            if (t.Datagrams == 0)
            {
                continue;
            }

            list.Add(new SflowAgentStatus
            {
                Agent = agent.ToString(),
                Datagrams = t.Datagrams,
                Samples = t.Samples,
                LostSamples = t.LostSamples,
                LostDatagrams = t.LostDatagrams,
                AgentDrops = t.AgentDrops,
            });
            t.Reset();
        }

        return list;
    }

    /// <summary>Sequence gap between two 32-bit sequence numbers: lost count, or 0 for a repeat or a restart.</summary>
    private static uint Gap(uint previous, uint current)
    {
        var delta = current - previous;
        return delta is 0 or >= 0x8000_0000 ? 0 : delta - 1;
    }

    private void AccountFlowSample(in SflowFlowSampleHeader sample, AgentTotals agent, in SflowDatagramHeader datagram, in FlowFacts facts)
    {
        _current.Samples++;
        agent.Samples++;
        ref var source = ref CollectionsMarshal.GetValueRefOrAddDefault(
            _sources, new SourceKey(datagram.AgentAddress, datagram.SubAgentId, sample.SourceIdType, sample.SourceIdIndex, true), out var known);
        if (known)
        {
            var lost = Gap(source.Sequence, sample.SequenceNumber);
            _current.LostSamples += lost;
            agent.LostSamples += lost;
            var drops = sample.Drops - source.Drops;
            agent.AgentDrops += drops < 0x8000_0000 ? drops : 0;
        }

        source.Sequence = sample.SequenceNumber;
        source.Drops = sample.Drops;
        if (!facts.HasFrame)
        {
            return;
        }

        long rate = Math.Max(sample.SamplingRate, 1u);
        var bytes = facts.FrameBytes * rate;
        if (!facts.SourceMac.IsMulticast && !facts.SourceMac.Equals(MacAddress.Zero))
        {
            ref var src = ref MacSlot(facts.SourceMac.Value);
            if (!Unsafe.IsNullRef(ref src))
            {
                src.BytesOut += bytes;
                src.PacketsOut += rate;
            }
        }

        if (!facts.DestinationMac.IsMulticast && !facts.DestinationMac.Equals(MacAddress.Zero))
        {
            ref var dst = ref MacSlot(facts.DestinationMac.Value);
            if (!Unsafe.IsNullRef(ref dst))
            {
                dst.BytesIn += bytes;
                dst.PacketsIn += rate;
            }
        }

        var flows = _current.Flows;
        if (facts.HasFlow && (flows.Count < MaxFlowsPerInterval || flows.ContainsKey(facts.Flow)))
        {
            ref var flow = ref CollectionsMarshal.GetValueRefOrAddDefault(flows, facts.Flow, out var seen);
            if (!seen)
            {
                flow.SourceMac = facts.SourceMac.Value;
                flow.DestinationMac = facts.DestinationMac.Value;
            }

            flow.Bytes += bytes;
            flow.Packets += rate;
        }
    }

    private ref MacTotals MacSlot(ulong mac)
    {
        var macs = _current.Macs;
        if (macs.Count >= MaxMacsPerInterval && !macs.ContainsKey(mac))
        {
            return ref Unsafe.NullRef<MacTotals>();
        }

        return ref CollectionsMarshal.GetValueRefOrAddDefault(macs, mac, out _);
    }

    private void AccountCounterSample(
        in SflowCounterSampleHeader sample, AgentTotals agent, in SflowDatagramHeader datagram, in CounterFacts facts,
        ReadOnlySpan<byte> name, long timestamp)
    {
        _current.Samples++;
        agent.Samples++;
        ref var source = ref CollectionsMarshal.GetValueRefOrAddDefault(
            _sources, new SourceKey(datagram.AgentAddress, datagram.SubAgentId, sample.SourceIdType, sample.SourceIdIndex, false), out var known);
        if (known)
        {
            var lost = Gap(source.Sequence, sample.SequenceNumber);
            _current.LostSamples += lost;
            agent.LostSamples += lost;
        }

        source.Sequence = sample.SequenceNumber;
        if (!facts.HasGeneric)
        {
            return;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_interfaces, (datagram.AgentAddress, facts.Generic.IfIndex), out _);
        slot ??= new InterfaceState();
        var state = slot;
        if (!name.IsEmpty && (state.Name is null || !Ascii.Equals(name, state.Name)))
        {
            state.Name = Encoding.UTF8.GetString(name);
        }

        state.Update(facts.Generic, datagram.UptimeMs, sample.SequenceNumber, timestamp, _time);
    }

    private void AccountDatagram(in SflowDatagramHeader datagram, AgentTotals agent)
    {
        agent.Datagrams++;
        ref var previous = ref CollectionsMarshal.GetValueRefOrAddDefault(
            _datagramSequences, (datagram.AgentAddress, datagram.SubAgentId), out var known);
        if (known)
        {
            var lost = Gap(previous, datagram.SequenceNumber);
            _current.LostDatagrams += lost;
            agent.LostDatagrams += lost;
        }

        previous = datagram.SequenceNumber;
    }

    private AgentTotals Agent(IpAddressValue address)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_agents, address, out _);
        return slot ??= new AgentTotals();
    }

    private readonly record struct SourceKey(IpAddressValue Agent, uint SubAgent, uint Type, uint Index, bool Flow);

    private readonly record struct FlowKey(
        IpAddressValue Source, IpAddressValue Destination, byte Protocol, ushort SourcePort, ushort DestinationPort);

    private struct SourceState
    {
        public uint Sequence;
        public uint Drops;
    }

    private struct MacTotals
    {
        public long BytesIn;
        public long BytesOut;
        public long PacketsIn;
        public long PacketsOut;
    }

    private struct FlowTotals
    {
        public long Bytes;
        public long Packets;
        public ulong SourceMac;
        public ulong DestinationMac;
    }

    /// <summary>What one flow sample says about the sampled frame.</summary>
    private struct FlowFacts
    {
        public bool HasFrame;
        public bool FromRawHeader;
        public long FrameBytes;
        public MacAddress SourceMac;
        public MacAddress DestinationMac;
        public bool HasFlow;
        public FlowKey Flow;
    }

    private struct CounterFacts
    {
        public bool HasGeneric;
        public GenericCounters Generic;
    }

    private struct GenericCounters
    {
        public uint IfIndex;
        public ulong IfSpeed;
        public uint IfStatus;
        public ulong InOctets;
        public uint InUcast;
        public uint InMulticast;
        public uint InBroadcast;
        public uint InDiscards;
        public uint InErrors;
        public ulong OutOctets;
        public uint OutUcast;
        public uint OutMulticast;
        public uint OutBroadcast;
        public uint OutDiscards;
        public uint OutErrors;

        public static GenericCounters Read(ReadOnlySpan<byte> body, int offset)
        {
            var r = new SflowReader(body, offset);
            var c = default(GenericCounters);
            c.IfIndex = r.ReadUInt32();
            r.ReadUInt32();
            c.IfSpeed = r.ReadUInt64();
            r.ReadUInt32();
            c.IfStatus = r.ReadUInt32();
            c.InOctets = r.ReadUInt64();
            c.InUcast = r.ReadUInt32();
            c.InMulticast = r.ReadUInt32();
            c.InBroadcast = r.ReadUInt32();
            c.InDiscards = r.ReadUInt32();
            c.InErrors = r.ReadUInt32();
            r.ReadUInt32();
            c.OutOctets = r.ReadUInt64();
            c.OutUcast = r.ReadUInt32();
            c.OutMulticast = r.ReadUInt32();
            c.OutBroadcast = r.ReadUInt32();
            c.OutDiscards = r.ReadUInt32();
            c.OutErrors = r.ReadUInt32();
            return c;
        }
    }

    private struct RateValues
    {
        public double InBytes;
        public double OutBytes;
        public double? InPackets;
        public double? OutPackets;
        public double? InErrors;
        public double? OutErrors;
        public double? InDiscards;
        public double? OutDiscards;
    }

    private sealed class InterfaceState
    {
        private const uint Unknown = uint.MaxValue;
        private bool _hasPrevious;
        private uint _previousUptime;
        private uint _previousSequence;
        private long _previousTimestamp;

        public GenericCounters Previous;
        public RateValues Rates;

        public string? Name { get; set; }

        public bool Updated { get; set; }

        public long Resets { get; private set; }

        public void Update(in GenericCounters current, uint uptime, uint sequence, long timestamp, TimeProvider time)
        {
            if (_hasPrevious)
            {
                var p = Previous;
                var restarted = uptime < _previousUptime || sequence - _previousSequence >= 0x8000_0000
                    || current.InOctets < p.InOctets || current.OutOctets < p.OutOctets;
                if (restarted)
                {
                    Resets++;
                }
                else
                {
                    // The agent's clock says how far apart the two readings were; fall back to arrival times.
                    var seconds = uptime > _previousUptime
                        ? (uptime - _previousUptime) / 1000.0
                        : time.GetElapsedTime(_previousTimestamp, timestamp).TotalSeconds;
                    if (seconds > 0)
                    {
                        Rates = new RateValues
                        {
                            InBytes = (current.InOctets - p.InOctets) / seconds,
                            OutBytes = (current.OutOctets - p.OutOctets) / seconds,
                            InPackets = Packets(current.InUcast, p.InUcast, current.InMulticast, p.InMulticast, current.InBroadcast, p.InBroadcast, seconds),
                            OutPackets = Packets(current.OutUcast, p.OutUcast, current.OutMulticast, p.OutMulticast, current.OutBroadcast, p.OutBroadcast, seconds),
                            InErrors = Rate32(current.InErrors, p.InErrors, seconds),
                            OutErrors = Rate32(current.OutErrors, p.OutErrors, seconds),
                            InDiscards = Rate32(current.InDiscards, p.InDiscards, seconds),
                            OutDiscards = Rate32(current.OutDiscards, p.OutDiscards, seconds),
                        };
                        Updated = true;
                    }
                }
            }

            Previous = current;
            _previousUptime = uptime;
            _previousSequence = sequence;
            _previousTimestamp = timestamp;
            _hasPrevious = true;
        }

        /// <summary>A 32-bit counter's rate; unsigned subtraction absorbs one wrap. Null when unknown.</summary>
        private static double? Rate32(uint current, uint previous, double seconds) =>
            current == Unknown || previous == Unknown ? null : (current - previous) / seconds;

        private static double? Packets(uint uc, uint pu, uint mc, uint pm, uint bc, uint pb, double seconds)
        {
            var unicast = Rate32(uc, pu, seconds);
            return unicast is null ? null : unicast + (Rate32(mc, pm, seconds) ?? 0) + (Rate32(bc, pb, seconds) ?? 0);
        }
    }

    /// <summary>What one interval accumulates; two of them alternate so a flush swaps instead of copying.</summary>
    private sealed class IntervalTotals
    {
        public Dictionary<ulong, MacTotals> Macs { get; } = [];

        public Dictionary<FlowKey, FlowTotals> Flows { get; } = [];

        public long Datagrams { get; set; }

        public long Samples { get; set; }

        public long LostSamples { get; set; }

        public long LostDatagrams { get; set; }

        public long Malformed { get; set; }

        public long Dropped { get; set; }

        public long Duplicates { get; set; }

        public void Clear()
        {
            Macs.Clear();
            Flows.Clear();
            Datagrams = Samples = LostSamples = LostDatagrams = Malformed = Dropped = Duplicates = 0;
        }
    }

    private sealed class AgentTotals
    {
        public long Datagrams { get; set; }

        public long Samples { get; set; }

        public long LostSamples { get; set; }

        public long LostDatagrams { get; set; }

        public long AgentDrops { get; set; }

        public void Reset() => Datagrams = Samples = LostSamples = LostDatagrams = AgentDrops = 0;
    }

    /// <summary>The hot-path visitor: reads only what aggregation needs, straight from the datagram.</summary>
    private ref struct Visitor : ISflowVisitor
    {
        private readonly SflowAggregator _owner;
        private readonly ReadOnlySpan<byte> _datagram;
        private readonly long _timestamp;
        private SflowDatagramHeader _header;
        private AgentTotals? _agent;
        private FlowFacts _flow;
        private CounterFacts _counters;
        private int _nameOffset;
        private int _nameLength;

        public Visitor(SflowAggregator owner, ReadOnlySpan<byte> datagram, long timestamp)
        {
            _owner = owner;
            _datagram = datagram;
            _timestamp = timestamp;
        }

        public void OnDatagram(in SflowDatagramHeader datagram)
        {
            _header = datagram;
            _agent = _owner.Agent(datagram.AgentAddress);
            _owner.AccountDatagram(datagram, _agent);
        }

        public void OnFlowSample(in SflowFlowSampleHeader sample) => _flow = default;

        public void OnFlowRecord(in SflowFlowSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
            if (format == SflowDataFormat.RawPacketHeader)
            {
                ReadRawHeader(body, bodyOffset);
            }
            else if (format == SflowDataFormat.EthernetFrameData && !_flow.FromRawHeader && body.Length >= 24)
            {
                var r = new SflowReader(body, bodyOffset);
                _flow.FrameBytes = r.ReadUInt32();
                _flow.SourceMac = MacAddress.Read(r.ReadFixedOpaque(MacAddress.Size));
                _flow.DestinationMac = MacAddress.Read(r.ReadFixedOpaque(MacAddress.Size));
                _flow.HasFrame = true;
            }
            else if (format == SflowDataFormat.Ipv4Data && !_flow.FromRawHeader && body.Length >= 32)
            {
                var r = new SflowReader(body, bodyOffset);
                r.ReadUInt32();
                var protocol = (byte)r.ReadUInt32();
                var src = IpAddressValue.ReadIPv4(r.ReadFixedOpaque(4));
                var dst = IpAddressValue.ReadIPv4(r.ReadFixedOpaque(4));
                _flow.Flow = new FlowKey(src, dst, protocol, (ushort)r.ReadUInt32(), (ushort)r.ReadUInt32());
                _flow.HasFlow = true;
            }
            else if (format == SflowDataFormat.Ipv6Data && !_flow.FromRawHeader && body.Length >= 56)
            {
                var r = new SflowReader(body, bodyOffset);
                r.ReadUInt32();
                var protocol = (byte)r.ReadUInt32();
                var src = IpAddressValue.ReadIPv6(r.ReadFixedOpaque(16));
                var dst = IpAddressValue.ReadIPv6(r.ReadFixedOpaque(16));
                _flow.Flow = new FlowKey(src, dst, protocol, (ushort)r.ReadUInt32(), (ushort)r.ReadUInt32());
                _flow.HasFlow = true;
            }
        }

        public void OnFlowSampleEnd(in SflowFlowSampleHeader sample) => _owner.AccountFlowSample(sample, _agent!, _header, _flow);

        public void OnCounterSample(in SflowCounterSampleHeader sample)
        {
            _counters = default;
            _nameLength = 0;
        }

        public void OnCounterRecord(in SflowCounterSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
            if (format == SflowDataFormat.GenericInterfaceCounters && body.Length >= GenericCountersLength)
            {
                _counters.Generic = GenericCounters.Read(body, bodyOffset);
                _counters.HasGeneric = true;
            }
            else if (format == SflowDataFormat.PortName && body.Length >= 4)
            {
                var r = new SflowReader(body, bodyOffset);
                var length = r.ReadUInt32();
                if (length <= (uint)r.Remaining)
                {
                    _nameOffset = r.Offset;
                    _nameLength = (int)length;
                }
            }
        }

        public void OnCounterSampleEnd(in SflowCounterSampleHeader sample) =>
            _owner.AccountCounterSample(sample, _agent!, _header, _counters, _datagram.Slice(_nameOffset, _nameLength), _timestamp);

        public readonly void OnUnknownSample(SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
        {
        }

        private void ReadRawHeader(ReadOnlySpan<byte> body, int bodyOffset)
        {
            ReadOnlySpan<byte> header;
            uint protocol, frameLength, stripped;
            try
            {
                header = SflowRawPacketHeader.ReadView(body, bodyOffset, out protocol, out frameLength, out stripped);
            }
            catch (SflowFormatException)
            {
                // A record cut short inside a well-framed sample: skip the record, keep the datagram.
                return;
            }

            var h = SflowRawPacketHeader.ParseHeader(protocol, header);

            // Count what the VM's interface counts: the frame without the bytes the agent says it stripped (the FCS for OVS).
            _flow.FrameBytes = frameLength > stripped ? frameLength - stripped : frameLength;
            _flow.HasFrame = true;
            _flow.FromRawHeader = true;
            _flow.SourceMac = h.SourceMac;
            _flow.DestinationMac = h.DestinationMac;
            _flow.HasFlow = h.HasIp;
            _flow.Flow = h.HasIp
                ? new FlowKey(h.SourceIp, h.DestinationIp, h.IpProtocol, h.SourcePort, h.DestinationPort)
                : default;
        }
    }
}
