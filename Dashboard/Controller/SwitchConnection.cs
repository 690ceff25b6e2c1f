using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Numerics;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of13;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// One switch's TCP (or TLS) connection: hello and version negotiation, features and port description, then
/// events to the dispatcher and commands back. A plain-TCP switch is read by a <see cref="SwitchPollLoop"/> thread
/// (<see cref="RunPolledAsync"/>, <see cref="OnReadable"/>); otherwise (TLS, or <c>Controller:PollLoop</c> off) an
/// async loop reads a <see cref="PipeReader"/>. Either way frames are cut with <see cref="OpenFlowFraming"/> and,
/// after each read, the apps run on what it brought (see <see cref="ControllerDispatcher"/>); writes go into a
/// <see cref="SendQueue"/>, so any thread can queue a message without waiting for the socket. A stream that cannot
/// be framed, or a switch whose unsent bytes pass <c>Controller:MaxSendQueueBytes</c>, closes this connection only.
/// </summary>
internal sealed class SwitchConnection
{
    private readonly Stream _stream;
    private readonly OpenFlowServer _server;
    private readonly SendQueue _output;
    private readonly CancellationTokenSource _closed = new();
    private readonly List<SwitchPort> _pendingPorts = [];
    private readonly List<FlowEntryView> _pendingFlows = [];
    private readonly List<PacketIn> _earlyPacketIns = [];
    private readonly TaskCompletionSource<string?> _receiveEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private uint _pendingFlowsXid;
    private byte[]? _partial;
    private int _partialLength;
    private byte[]? _receiveScratch;
    private long _lastReceivedTicks;
    private long _echoSentTicks;
    private int _xid;
    private int _closing;
    private byte _featuresVersion;

    public SwitchConnection(Stream stream, string remoteAddress, OpenFlowServer server, DateTimeOffset now)
    {
        _stream = stream;
        PolledStream = stream as PolledSocketStream;
        _server = server;
        _output = new SendQueue(stream, ex => Close($"send failed: {ex.Message}"));
        RemoteAddress = remoteAddress;
        StartedAt = now;
        _lastReceivedTicks = now.UtcTicks;
    }

    public string RemoteAddress { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Zero until the features reply.</summary>
    public ulong DatapathId { get; private set; }

    /// <summary>Null until hello negotiated a version.</summary>
    public OpenFlowDialect? Dialect { get; private set; }

    /// <summary>Handshake done; the apps have been told.</summary>
    public bool IsReady { get; private set; }

    public bool IsClosed => Volatile.Read(ref _closing) != 0;

    /// <summary>Written by the receive loop, read by the housekeeping timer: kept as ticks so reads are never torn.</summary>
    public DateTimeOffset LastReceivedAt => new(Volatile.Read(ref _lastReceivedTicks), TimeSpan.Zero);

    /// <summary>When an unanswered echo request went out; null when none is outstanding.</summary>
    public DateTimeOffset? EchoSentAt
    {
        get
        {
            var ticks = Volatile.Read(ref _echoSentTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        set => Volatile.Write(ref _echoSentTicks, value?.UtcTicks ?? 0);
    }

    public DateTimeOffset? StatsRequestedAt { get; private set; }

    /// <summary>Owned by the dispatcher thread: a flush is owed at the end of its batch.</summary>
    public bool FlushPending { get; set; }

    private uint StatsXid { get; set; }

    /// <summary>Set when a <see cref="SwitchPollLoop"/> serves this connection (plain TCP).</summary>
    public PolledSocketStream? PolledStream { get; }

    /// <summary>The loop's key for this connection; owned by the loop thread.</summary>
    public ulong PollId { get; set; }

    /// <summary>Bytes of the loop thread's receive buffer: whatever is left of an unfinished message plus a read.</summary>
    internal const int ReceiveScratchSize = 256 * 1024;

    private const int MaxReadsPerWake = 4;

    /// <summary>
    /// Messages a poll round may read before the apps must run on them (see <see cref="OnReadable"/>): enough for one
    /// packet-in from each of dozens of switches, far fewer than one busy switch's read brings.
    /// </summary>
    internal const int MaxDeferredMessages = 64;

    private uint NextXid() => (uint)Interlocked.Increment(ref _xid);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        var token = linked.Token;

        var reason = "closed by the switch";
        try
        {
            Send(new HelloMessage { Xid = NextXid(), VersionBitmap = OfVersion.SupportedBitmap }, OfVersion.V13);
            await ReceiveLoopAsync(token).ConfigureAwait(false);
        }
        catch (OpenFlowException ex)
        {
            _server.OnMalformed(this, ex);
            reason = $"malformed stream: {ex.Message}";
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            reason = cancellationToken.IsCancellationRequested ? "controller stopping" : reason;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            reason = ex.Message;
        }
        finally
        {
            Close(reason);
            await DrainAndDisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task DrainAndDisposeAsync()
    {
        // What was queued before the close (a hello-failed error, say) still goes out, for up to a second;
        // disposing the stream below ends a write the peer is no longer reading.
        if (PolledStream is { } polled)
        {
            // The loop no longer watches this socket, so nothing reports EPOLLOUT: offer the rest to the kernel here.
            for (var attempt = 0; attempt < 100 && !_output.Drained.IsCompleted; attempt++)
            {
                polled.OnWritable();
                await Task.WhenAny(_output.Drained, Task.Delay(10)).ConfigureAwait(false);
            }
        }
        else
        {
            try
            {
                await _output.Drained.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The peer is gone or not reading; what is left unsent is dropped with the connection.
            }
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _closed.Dispose();
    }

    /// <summary>Closes once; the server tells the apps, the registry and the bus if this was a live switch.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        _output.Complete();

        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already torn down.
        }

        _server.OnClosed(this, reason);
    }

    private async Task ReceiveLoopAsync(CancellationToken token)
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 65536, minimumReadSize: 4096, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    HandleFrames(ref buffer);
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);

                    // Everything this read brought is queued: answer it here, on this thread, in one batch.
                    _server.Dispatcher.RunPending();
                }

                if (result.IsCompleted || IsClosed)
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

    /// <summary>Handles every whole message at the front of <paramref name="buffer"/>, leaves it past them, and says how many.</summary>
    private int HandleFrames(ref ReadOnlySequence<byte> buffer)
    {
        var framed = false;
        var count = 0;
        while (OpenFlowFraming.TryReadFrame(buffer, Dialect?.Version ?? 0, out var frame))
        {
            if (!framed)
            {
                // Once per read, not per message: a read can carry hundreds of packet-ins.
                framed = true;
                Volatile.Write(ref _lastReceivedTicks, _server.Now.UtcTicks);
                Volatile.Write(ref _echoSentTicks, 0);
            }

            Handle(frame);
            buffer = buffer.Slice(frame.End);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Serves a plain-TCP switch on <paramref name="loop"/>: sends hello, hands the socket to the loop (which reads
    /// and answers on its thread through <see cref="OnReadable"/>) and returns once the loop has let go of it.
    /// </summary>
    public async Task RunPolledAsync(SwitchPollLoop loop, CancellationToken cancellationToken)
    {
        var reason = "closed by the switch";
        try
        {
            Send(new HelloMessage { Xid = NextXid(), VersionBitmap = OfVersion.SupportedBitmap }, OfVersion.V13);
            loop.Add(this);
            using var stopping = cancellationToken.Register(static c => ((SwitchConnection)c!).Close("controller stopping"), this);
            using var closed = _closed.Token.Register(() => loop.Remove(this));
            reason = await _receiveEnded.Task.ConfigureAwait(false) ?? reason;
        }
        finally
        {
            Close(reason);
            await DrainAndDisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// On the loop thread when the socket is readable: reads what is there without waiting, into
    /// <paramref name="scratch"/> behind the rest of an unfinished message, and queues every whole message for the
    /// apps. False once the connection is finished (closed, peer gone, stream malformed).
    /// </summary>
    /// <param name="scratch">The loop's receive buffer.</param>
    /// <param name="deferred">
    /// Messages the loop's round has queued whose apps have not run yet. The apps run here once that reaches
    /// <see cref="MaxDeferredMessages"/>, or before this connection closes; otherwise the loop runs them after its
    /// round. One packet-in from each of many switches is so answered in one batch: the apps' code and tables stay in
    /// the processor's caches from one message to the next, where a system call between every two messages would
    /// have evicted them.
    /// </param>
    public bool OnReadable(byte[] scratch, ref int deferred)
    {
        if (IsClosed)
        {
            return false;
        }

        // Only the loop reads, and only while it watches the socket; the stream is disposed after it let go.
        var descriptor = PolledStream!.Descriptor;
        for (var reads = 0; reads < MaxReadsPerWake; reads++)
        {
            var length = _partialLength;
            _partial.AsSpan(0, length).CopyTo(scratch);
            var received = Epoll.Receive(descriptor, scratch.AsSpan(length), out var code);
            if (code == SocketError.WouldBlock)
            {
                return true;
            }

            if (code != SocketError.Success || received == 0)
            {
                // What came before the end is still answered, as on the async path.
                RunDeferred(ref deferred);
                Close(received == 0 && code == SocketError.Success
                    ? "closed by the switch" : new SocketException((int)code).Message);
                return false;
            }

            length += received;
            var buffer = new ReadOnlySequence<byte>(scratch, 0, length);
            OpenFlowException? malformed = null;
            try
            {
                deferred += HandleFrames(ref buffer);
            }
            catch (OpenFlowException ex)
            {
                malformed = ex;
            }
            finally
            {
                KeepPartial(buffer);

                // Before any close below, messages ahead of garbage are still answered, as on the async path.
                if (malformed is not null || deferred >= MaxDeferredMessages)
                {
                    RunDeferred(ref deferred);
                }
            }

            if (malformed is not null)
            {
                _server.OnMalformed(this, malformed);
                Close($"malformed stream: {malformed.Message}");
                return false;
            }

            if (IsClosed)
            {
                return false;
            }

            if (length < scratch.Length)
            {
                // The kernel had less than the buffer could take: the socket is drained; epoll says when there is more.
                return true;
            }
        }

        return true;
    }

    /// <summary>Runs the apps on every queued message, flushes their answers, and zeroes the round's count.</summary>
    private void RunDeferred(ref int deferred)
    {
        deferred = 0;
        _server.Dispatcher.RunPending();
    }

    private void KeepPartial(in ReadOnlySequence<byte> rest)
    {
        _partialLength = (int)rest.Length;
        if (_partialLength > 0)
        {
            // Sized to what is left over (at most one message), not to the largest message, for many idle switches.
            if (_partial is null || _partial.Length < _partialLength)
            {
                _partial = new byte[Math.Max(2048, (int)BitOperations.RoundUpToPowerOf2((uint)_partialLength))];
            }

            rest.CopyTo(_partial);
        }
    }

    /// <summary>The loop has stopped watching this connection; <paramref name="failure"/> says why when it was not a close.</summary>
    public void OnUnwatched(string? failure) => _receiveEnded.TrySetResult(failure);

    private void Handle(in ReadOnlySequence<byte> frame)
    {
        var dialect = Dialect;
        var type = frame.FirstSpan.Length > 1 ? frame.FirstSpan[1] : frame.Slice(1, 1).FirstSpan[0];
        if (dialect is not null && _featuresVersion != 0 && type == dialect.PacketInType)
        {
            HandlePacketIn(dialect, frame);
            return;
        }

        var bytes = frame.ToArray();
        OfMessage message;
        try
        {
            message = dialect is null ? Of13Codec.Read(bytes) : dialect.Read(bytes);
        }
        catch (OpenFlowException ex)
        {
            // The frame was whole; only its inside is bad. Drop it and keep the switch.
            _server.OnMalformed(this, ex);
            return;
        }

        if (dialect is null)
        {
            Negotiate(message, bytes[0]);
            return;
        }

        switch (message)
        {
            case EchoRequestMessage echo:
                Send(new EchoReplyMessage { Xid = echo.Xid, Data = echo.Data });
                break;
            case FeaturesReplyMessage features:
                OnFeatures(dialect, features);
                break;
            case PortDescReply ports:
                _pendingPorts.AddRange(ports.Ports.Select(dialect.ToSwitchPort));
                if (!ports.More && !IsReady)
                {
                    BecomeReady(dialect);
                }

                break;
            case FlowStatsReply stats when stats.Xid == StatsXid:
                OnFlowStats(dialect, stats);
                break;
            case FlowRemovedMessage removed when IsReady:
                var removedEvent = dialect.ToFlowRemoved(DatapathId, removed);
                _server.Registry.OnFlowRemoved(removedEvent);
                _server.Dispatcher.Enqueue(this, removedEvent);
                break;
            case PortStatusMessage status when IsReady:
                var change = new PortStatusChanged(DatapathId, (PortChange)Math.Min(status.Reason, (byte)2), dialect.ToSwitchPort(status.Port));
                _server.Registry.OnPortStatus(change);
                _server.Dispatcher.Enqueue(this, change);
                break;
            case ErrorMessage error:
                _server.OnSwitchError(this, error);
                break;
            default:
                // Echo replies, barrier replies, and anything the controller did not ask for: liveness only.
                break;
        }
    }

    private void HandlePacketIn(OpenFlowDialect dialect, in ReadOnlySequence<byte> frame)
    {
        PacketIn packetIn;
        try
        {
            if (frame.IsSingleSegment)
            {
                packetIn = dialect.ReadPacketIn(DatapathId, frame.FirstSpan);
            }
            else
            {
                var length = (int)frame.Length;
                _receiveScratch ??= new byte[OpenFlowFraming.MaxMessageSize];
                frame.CopyTo(_receiveScratch);
                packetIn = dialect.ReadPacketIn(DatapathId, _receiveScratch.AsSpan(0, length));
            }
        }
        catch (OpenFlowException ex)
        {
            _server.OnMalformed(this, ex);
            return;
        }

        _server.Statistics.OnPacketIn();
        if (IsReady)
        {
            _server.Dispatcher.Enqueue(this, packetIn);
        }
        else if (_earlyPacketIns.Count < MaxEarlyPacketIns)
        {
            // Between the features reply and the port description: the apps hear of the switch first.
            _earlyPacketIns.Add(packetIn);
        }
    }

    private const int MaxEarlyPacketIns = 4096;

    private void Negotiate(OfMessage message, byte peerVersion)
    {
        if (message is not HelloMessage hello)
        {
            throw new OpenFlowException($"expected hello, got {message.GetType().Name}", 1);
        }

        var version = OfVersion.Negotiate(peerVersion, hello.VersionBitmap);
        if (version == 0)
        {
            // OFPET_HELLO_FAILED / OFPHFC_INCOMPATIBLE, in the peer's own version so it can read it.
            var text = System.Text.Encoding.ASCII.GetBytes("no common version; this controller speaks OpenFlow 1.0 and 1.3");
            Send(new ErrorMessage { Xid = hello.Xid, Type = 0, Code = 0, Data = text }, OfVersion.V13, peerVersion);
            throw new OpenFlowException($"no common OpenFlow version with a peer offering version {peerVersion}", 0);
        }

        Dialect = OpenFlowDialect.For(version);
        Send(new FeaturesRequestMessage { Xid = NextXid() });
    }

    private void OnFeatures(OpenFlowDialect dialect, FeaturesReplyMessage features)
    {
        if (IsReady || _featuresVersion != 0)
        {
            return;
        }

        _featuresVersion = dialect.Version;
        DatapathId = features.DatapathId;

        // Whole packets to the controller: a buffer id is then only used when the switch chooses to buffer.
        Send(new SwitchConfigMessage { Xid = NextXid(), IsSet = true, Flags = 0, MissSendLength = 0xFFFF });
        if (dialect.PortsInFeaturesReply)
        {
            _pendingPorts.AddRange(features.Ports.Select(dialect.ToSwitchPort));
            BecomeReady(dialect);
        }
        else
        {
            Send(new PortDescRequest { Xid = NextXid() });
        }
    }

    private void BecomeReady(OpenFlowDialect dialect)
    {
        IsReady = true;
        var ports = _pendingPorts.OrderBy(p => p.Number).ToList();
        _pendingPorts.Clear();
        _server.OnReady(this, new SwitchConnected(DatapathId, dialect.Version, ports));
        foreach (var packetIn in _earlyPacketIns)
        {
            _server.Dispatcher.Enqueue(this, packetIn);
        }

        _earlyPacketIns.Clear();
    }

    /// <summary>Asks for every flow; replies are matched by xid and gathered until the last part.</summary>
    public void RequestFlowStats(DateTimeOffset now)
    {
        if (Dialect is not { } dialect || !IsReady)
        {
            return;
        }

        var xid = NextXid();
        StatsXid = xid;
        StatsRequestedAt = now;
        Send(dialect.AllFlowsRequest(xid));
    }

    private void OnFlowStats(OpenFlowDialect dialect, FlowStatsReply reply)
    {
        if (reply.Xid != _pendingFlowsXid)
        {
            // Parts of an older poll that a newer request overtook are dropped, never mixed in.
            _pendingFlows.Clear();
            _pendingFlowsXid = reply.Xid;
        }

        foreach (var flow in reply.Flows)
        {
            _pendingFlows.Add(new FlowEntryView
            {
                TableId = flow.TableId, Priority = flow.Priority, Match = dialect.ToPacketMatch(flow.Match),
                Actions = dialect.ToFlowActions(flow.Instructions), Cookie = flow.Cookie, PacketCount = flow.PacketCount,
                ByteCount = flow.ByteCount, Duration = Of13Translator.Duration(flow.DurationSeconds, flow.DurationNanoseconds),
                IdleTimeoutSeconds = flow.IdleTimeout, HardTimeoutSeconds = flow.HardTimeout,
            });
        }

        if (!reply.More)
        {
            var flows = _pendingFlows.ToList();
            _pendingFlows.Clear();
            _server.Registry.OnFlowStats(DatapathId, flows, StatsRequestedAt ?? _server.Now, _server.Now);
        }
    }

    /// <summary>Queues a control command without flushing; false when the connection is closed.</summary>
    public bool Enqueue(SwitchCommand command)
    {
        var dialect = Dialect;
        if (dialect is null || IsClosed)
        {
            return false;
        }

        var length = dialect.CommandLength(command);
        if (!_output.TryAppend(length, (Connection: this, Dialect: dialect, Command: command),
                static (span, s) => s.Dialect.WriteCommand(s.Command, s.Connection.NextXid(), span)))
        {
            return false;
        }

        _server.Statistics.OnSent(1);
        return true;
    }

    /// <summary>Starts sending what was queued; drops the switch when it has stopped reading.</summary>
    public void Flush()
    {
        if (_output.QueuedBytes > _server.Options.MaxSendQueueBytes)
        {
            Close("send queue full: the switch stopped reading");
            return;
        }

        _output.Flush();
    }

    /// <summary>Sends one modelled message (handshake, echo, polls) and flushes.</summary>
    public void Send(OfMessage message) => Send(message, Dialect?.Version ?? OfVersion.V13);

    private void Send(OfMessage message, byte version, byte headerVersion = 0)
    {
        // Rare (handshake, keep-alive, polls): encoded once into a pooled scratch, then copied into the queue.
        var scratch = ArrayPool<byte>.Shared.Rent(OpenFlowFraming.MaxMessageSize);
        try
        {
            var length = OpenFlowDialect.For(version).Write(message, scratch);
            if (headerVersion != 0)
            {
                scratch[0] = headerVersion;
            }

            if (!_output.TryAppend(length, scratch, static (span, bytes) => bytes.AsSpan(0, span.Length).CopyTo(span)))
            {
                return;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        _server.Statistics.OnSent(1);
        Flush();
    }
}
