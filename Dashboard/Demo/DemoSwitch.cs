using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of13;

namespace SdnDashboard.Dashboard.Demo;

/// <summary>
/// A simulated OpenFlow 1.3 switch for the demo cluster: connects to the controller over TCP, answers the
/// handshake, echoes, barriers, port-desc and flow-stats requests, keeps a <see cref="DemoFlowTable"/> from the
/// controller's flow-mods (with timeouts and flow-removed), runs frames of its <see cref="DemoHost"/>s through
/// that table (table misses are dropped; the learning switch's table-miss flow sends them up as packet-ins) and
/// executes packet-outs. One lock serialises table, hosts and population; sends happen outside it.
/// </summary>
public sealed class DemoSwitch
{
    private const int MaxFramesPerStep = 256;
    private const int FlowsPerStatsReply = 100;
    private const byte ErrorBadMatch = 4;
    private const byte BadPrerequisite = 9;

    private readonly Lock _gate = new();
    private readonly Dictionary<uint, DemoHost> _byPort;
    private readonly DemoClientPopulation? _population;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly byte[] _writeBuffer = new byte[OpenFlowFraming.MaxMessageSize];
    private Stream? _stream;
    private long _packetIns;

    public DemoSwitch(ulong datapathId, IReadOnlyList<DemoHost> hosts, DemoClientPopulation? population, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        DatapathId = datapathId;
        Hosts = hosts;
        _byPort = hosts.ToDictionary(h => h.Port);
        _population = population;
        _time = time;
        _logger = logger;
        Table = new DemoFlowTable(datapathId);
    }

    public ulong DatapathId { get; }

    public IReadOnlyList<DemoHost> Hosts { get; }

    /// <summary>The flow table; read it only through <see cref="SnapshotFlows"/> while the switch runs.</summary>
    internal DemoFlowTable Table { get; }

    /// <summary>How often hosts and timeouts are looked at.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public bool IsConnected { get; private set; }

    public long PacketIns => Interlocked.Read(ref _packetIns);

    /// <summary>A copy of the flow table, safe while the switch runs.</summary>
    public IReadOnlyList<DemoFlow> SnapshotFlows()
    {
        lock (_gate)
        {
            return [.. Table.Flows];
        }
    }

    /// <summary>Connects to the controller and serves it until the connection ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(IPEndPoint controller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controller);
        using var client = new TcpClient(controller.AddressFamily) { NoDelay = true };
        await client.ConnectAsync(controller, cancellationToken).ConfigureAwait(false);
        await using var stream = client.GetStream();
        _stream = stream;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await SendAsync([new HelloMessage { Xid = 1, VersionBitmap = 1u << OfVersion.V13 }], stop.Token).ConfigureAwait(false);
            var ticks = TickLoopAsync(stop.Token);
            try
            {
                await ReadLoopAsync(stream, stop.Token).ConfigureAwait(false);
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await ticks.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The connection ended.
                }
            }
        }
        finally
        {
            IsConnected = false;
            _stream = null;
        }
    }

    private async Task ReadLoopAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                var outbox = new List<OfMessage>();
                while (OpenFlowFraming.TryReadFrame(buffer, 0, out var frame))
                {
                    var bytes = frame.ToArray();
                    buffer = buffer.Slice(frame.Length);
                    if (bytes[0] == OfVersion.V13)
                    {
                        Handle(bytes, outbox);
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (outbox.Count > 0)
                {
                    await SendAsync(outbox, cancellationToken).ConfigureAwait(false);
                }

                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task TickLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TickInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!IsConnected)
            {
                continue;
            }

            var outbox = new List<OfMessage>();
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                foreach (var removed in Table.Expire(now))
                {
                    outbox.Add(ToMessage(removed));
                }

                _population?.Tick(now);
                var queue = new Queue<(uint, byte[])>();
                foreach (var host in Hosts)
                {
                    if (host.Tick(now) is { } frame)
                    {
                        queue.Enqueue((host.Port, frame));
                    }
                }

                Forward(queue, now, outbox);
            }

            if (outbox.Count > 0)
            {
                await SendAsync(outbox, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Handle(byte[] bytes, List<OfMessage> outbox)
    {
        OfMessage message;
        try
        {
            message = Of13Codec.Read(bytes);
        }
        catch (OpenFlowException ex)
        {
            _logger.LogWarning("Demo switch got a malformed message from the controller: {Message}", ex.Message);
            return;
        }

        switch (message)
        {
            case HelloMessage:
                break;
            case FeaturesRequestMessage f:
                outbox.Add(new FeaturesReplyMessage { Xid = f.Xid, DatapathId = DatapathId, Buffers = 0, Tables = 1, Capabilities = 0x07 });
                break;
            case PortDescRequest p:
                outbox.Add(new PortDescReply { Xid = p.Xid, Ports = [.. Hosts.Select(h => new OfPort { PortNumber = h.Port, Name = h.Name, HardwareAddress = h.Mac })] });
                IsConnected = true;
                break;
            case EchoRequestMessage e:
                outbox.Add(new EchoReplyMessage { Xid = e.Xid, Data = e.Data });
                break;
            case BarrierRequestMessage b:
                outbox.Add(new BarrierReplyMessage { Xid = b.Xid });
                break;
            case FlowStatsRequest s:
                AddFlowStats(s, outbox);
                break;
            case FlowModMessage m:
                OnFlowMod(m, bytes, outbox);
                break;
            case PacketOutMessage p:
                OnPacketOut(p, outbox);
                break;
            default:
                break;
        }
    }

    private void OnFlowMod(FlowModMessage m, byte[] bytes, List<OfMessage> outbox)
    {
        var mod = new FlowModCommandMessage(DatapathId)
        {
            Command = (FlowModCommand)Math.Min(m.Command, (byte)FlowModCommand.DeleteStrict),
            TableId = m.TableId,
            Priority = m.Priority,
            Match = Of13Translator.ToPacketMatch((OxmMatch)m.Match),
            Actions = Of13Translator.ToFlowActions(m.Instructions),
            IdleTimeoutSeconds = m.IdleTimeout,
            HardTimeoutSeconds = m.HardTimeout,
            Cookie = m.Cookie,
            CookieMask = m.CookieMask,
            SendFlowRemoved = (m.Flags & 1) != 0,
            OutPort = m.OutPort,
        };
        lock (_gate)
        {
            try
            {
                foreach (var removed in Table.Apply(mod, _time.GetUtcNow(), m.Instructions))
                {
                    outbox.Add(ToMessage(removed));
                }
            }
            catch (InvalidOperationException ex)
            {
                _logger.LogWarning("Demo switch rejected a flow-mod: {Message}", ex.Message);
                outbox.Add(new ErrorMessage { Xid = m.Xid, Type = ErrorBadMatch, Code = BadPrerequisite, Data = bytes.AsMemory(0, Math.Min(bytes.Length, 64)) });
            }
        }
    }

    private void OnPacketOut(PacketOutMessage p, List<OfMessage> outbox)
    {
        if (p.Data.IsEmpty)
        {
            // No buffers here: a packet-out naming one only releases nothing.
            return;
        }

        var actions = Of13Translator.ToFlowActions([new ApplyActionsInstruction(p.Actions)]);
        lock (_gate)
        {
            var queue = new Queue<(uint, byte[])>();
            var now = _time.GetUtcNow();
            Execute(actions, p.InPort, p.Data.ToArray(), 0, PacketInReason.Action, queue, now, outbox);
            Forward(queue, now, outbox);
        }
    }

    private void AddFlowStats(FlowStatsRequest request, List<OfMessage> outbox)
    {
        List<FlowStatsEntry> entries;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            entries = [.. Table.Flows
                .Where(f => (f.Cookie & request.CookieMask) == (request.Cookie & request.CookieMask))
                .Select(f => ToStats(f, now))];
        }

        for (var i = 0; i == 0 || i < entries.Count; i += FlowsPerStatsReply)
        {
            var more = i + FlowsPerStatsReply < entries.Count;
            outbox.Add(new FlowStatsReply { Xid = request.Xid, Flags = more ? (ushort)1 : (ushort)0, Flows = entries.Skip(i).Take(FlowsPerStatsReply).ToList() });
        }
    }

    /// <summary>Runs queued frames through the table, and whatever hosts answer, within a bound against storms.</summary>
    private void Forward(Queue<(uint Port, byte[] Frame)> queue, DateTimeOffset now, List<OfMessage> outbox)
    {
        var steps = 0;
        while (queue.TryDequeue(out var item) && steps++ < MaxFramesPerStep)
        {
            if (!FrameReader.TryRead(item.Frame, out var headers))
            {
                continue;
            }

            var flow = Table.Lookup(headers, item.Port, item.Frame.Length, now);
            if (flow is null)
            {
                continue;
            }

            var reason = flow.Priority == 0 && flow.Match == PacketMatch.Any ? PacketInReason.NoMatch : PacketInReason.Action;
            Execute(flow.Actions, item.Port, item.Frame, flow.Cookie, reason, queue, now, outbox);
        }
    }

    private void Execute(
        IReadOnlyList<FlowAction> actions, uint inPort, byte[] frame, ulong cookie, PacketInReason reason,
        Queue<(uint, byte[])> queue, DateTimeOffset now, List<OfMessage> outbox)
    {
        var current = frame;
        foreach (var action in actions)
        {
            if (action is not OutputAction output)
            {
                current = FrameRewriter.Apply(current, [action]);
                continue;
            }

            switch (output.Port)
            {
                case OfPorts.Flood:
                case OfPorts.All:
                    foreach (var host in Hosts)
                    {
                        if (host.Port != inPort)
                        {
                            Deliver(host, current, queue, now);
                        }
                    }

                    break;
                case OfPorts.InPort:
                    if (_byPort.TryGetValue(inPort, out var back))
                    {
                        Deliver(back, current, queue, now);
                    }

                    break;
                case OfPorts.Controller:
                    Interlocked.Increment(ref _packetIns);
                    outbox.Add(new PacketInMessage
                    {
                        BufferId = OfPorts.NoBuffer,
                        TotalLength = (ushort)current.Length,
                        Reason = (byte)reason,
                        Cookie = cookie,
                        Match = Of13Translator.ToOxmMatch(new PacketMatch { InPort = inPort }),
                        Data = current,
                    });
                    break;
                default:
                    if (output.Port != inPort && _byPort.TryGetValue(output.Port, out var host2))
                    {
                        Deliver(host2, current, queue, now);
                    }

                    break;
            }
        }
    }

    private static void Deliver(DemoHost host, byte[] frame, Queue<(uint, byte[])> queue, DateTimeOffset now)
    {
        if (host.Receive(frame, now) is { } answer)
        {
            queue.Enqueue((host.Port, answer));
        }
    }

    private async Task SendAsync(IReadOnlyList<OfMessage> messages, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new IOException("the demo switch is not connected");
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var message in messages)
            {
                var length = Of13Writer.Write(message, _writeBuffer);
                await stream.WriteAsync(_writeBuffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }

            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static FlowStatsEntry ToStats(DemoFlow flow, DateTimeOffset now)
    {
        var age = now - flow.InstalledAt;
        return new FlowStatsEntry
        {
            TableId = 0,
            DurationSeconds = (uint)Math.Max(0, (long)age.TotalSeconds),
            DurationNanoseconds = (uint)(Math.Max(0, age.Ticks) % TimeSpan.TicksPerSecond * 100),
            Priority = flow.Priority,
            IdleTimeout = flow.IdleTimeoutSeconds,
            HardTimeout = flow.HardTimeoutSeconds,
            Flags = flow.SendFlowRemoved ? (ushort)1 : (ushort)0,
            Cookie = flow.Cookie,
            PacketCount = flow.PacketCount,
            ByteCount = flow.ByteCount,
            Match = Of13Translator.ToOxmMatch(flow.Match),
            Instructions = flow.Instructions,
        };
    }

    private static FlowRemovedMessage ToMessage(FlowRemoved removed) => new()
    {
        Cookie = removed.Cookie,
        Priority = removed.Priority,
        Reason = (byte)removed.Reason,
        TableId = removed.TableId,
        DurationSeconds = (uint)Math.Max(0, (long)removed.Duration.TotalSeconds),
        DurationNanoseconds = (uint)(Math.Max(0, removed.Duration.Ticks) % TimeSpan.TicksPerSecond * 100),
        PacketCount = removed.PacketCount,
        ByteCount = removed.ByteCount,
        Match = Of13Translator.ToOxmMatch(removed.Match),
    };
}
