using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Bench.OpenFlow;

/// <summary>
/// One switch of the load generator, cbench's method: after a learning phase (one broadcast packet-in per
/// emulated host MAC), it keeps up to <c>window</c> packet-ins in flight, each from one learned MAC to another
/// with a fresh buffer id, and counts the flow-mods that come back (window 1 = latency mode). It answers the
/// handshake, echoes, barriers and stats requests of any controller. Each switch is driven by one thread at a time
/// (its own task, or the single thread of <see cref="PollLoop"/>), so it needs no locks.
/// </summary>
internal sealed class EmulatedSwitch(int index, byte version, int macCount, int window)
{
    private const int FrameLength = 60;
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] _receive = new byte[1 << 20];
    private readonly byte[] _send = new byte[1 << 20];
    private readonly byte[] _reply = new byte[4096];
    private int _receiveLength;
    private uint _xid;
    private uint _bufferId;
    private long _sent;
    private long _flowModsAtLastCheck;
    private bool _featuresAnswered;
    private long _lastProgressTicks;
    private int _next;
    private int _descriptor = -1;

    public ulong DatapathId => 0x0000_0000_bee0_0000UL + (ulong)index;

    private long _flowMods;
    private long _packetOuts;
    private long _errors;

    public long FlowMods => Interlocked.Read(ref _flowMods);

    public long PacketOuts => Interlocked.Read(ref _packetOuts);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Rounds of the last <see cref="PollLoop"/> that found a socket ready (read once it has returned).</summary>
    public static long LastLoopRounds { get; private set; }

    /// <summary>Ready sockets the last <see cref="PollLoop"/> served over all its rounds: divided by the rounds, how many replies one wake-up took in.</summary>
    public static long LastLoopEvents { get; private set; }

    private int PacketInLength => version == 4 ? 42 + FrameLength : 18 + FrameLength;

    private ulong Mac(int i) => 0x0200_0000_0000UL | ((ulong)index << 24) | (uint)i;

    private static uint PortOf(int i) => 1 + (uint)(i % 16);

    /// <summary>
    /// Connects and says hello. Connecting, the handshake and the learning phase use only synchronous calls, so
    /// the socket never joins .NET's socket engine: once it has, the engine's epoll thread wakes on every byte
    /// that arrives, even with no async call waiting, which in latency mode would be a second thread woken per
    /// round trip in the generator (throughput mode's async loop registers it afterwards, where that is the point).
    /// </summary>
    public void Connect(IPEndPoint controller)
    {
        _socket.Connect(controller);
        _descriptor = (int)_socket.Handle;
        var hello = new byte[version == 4 ? 16 : 8];
        Header(hello, 0, 0, hello.Length, ++_xid);
        if (version == 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(hello.AsSpan(8), 0x0001_0008);
            BinaryPrimitives.WriteUInt32BigEndian(hello.AsSpan(12), 1u << 4);
        }

        _socket.Send(hello);
    }

    /// <summary>Handshake and learning phase: every MAC sent once as a broadcast source, until each was flooded.</summary>
    public void Learn(CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + 15_000;
        while (Environment.TickCount64 < deadline && !_featuresAnswered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReceiveOnce(300);
        }

        // Let the rest of the handshake (config, port description, initial flow-mods) settle.
        while (Environment.TickCount64 < deadline && ReceiveOnce(300))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        for (var i = 0; i < macCount; i += 256)
        {
            var n = 0;
            for (var j = i; j < Math.Min(macCount, i + 256); j++)
            {
                n += WritePacketIn(_send.AsSpan(n), OfBroadcast, Mac(j), PortOf(j));
            }

            _socket.Send(_send, 0, n, SocketFlags.None);
        }

        while (PacketOuts + FlowMods < macCount && Environment.TickCount64 < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReceiveOnce(500);
        }

        if (PacketOuts + FlowMods < macCount)
        {
            throw new TimeoutException($"switch {index}: the controller answered {PacketOuts + FlowMods} of {macCount} learning packet-ins");
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for something to arrive and handles it; true when something did.</summary>
    private bool ReceiveOnce(int timeoutMs)
    {
        if (!_socket.Poll(timeoutMs * 1000, SelectMode.SelectRead))
        {
            return false;
        }

        Pump();
        return true;
    }

    private const ulong OfBroadcast = 0xFFFF_FFFF_FFFFUL;

    /// <summary>Keeps the window full until cancelled.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        StartLoad();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var n = FillWindow();
                if (n > 0)
                {
                    await _socket.SendAsync(_send.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                }

                await ReceiveOnceAsync(cancellationToken).ConfigureAwait(false);
                ForgiveLosses();
            }
        }
        catch (OperationCanceledException)
        {
            // Measurement over.
        }
    }

    /// <summary>
    /// Latency mode as cbench runs it: one thread waits on every switch's socket (epoll, level-triggered) and, for
    /// each socket the kernel reports readable, reads once (one read takes all that waits: the buffer is 1 MB),
    /// answers what arrived, and sends that switch its next packet-in as soon as its flow-mod is in. Nothing is
    /// allocated per round and no switch is visited unless its socket woke the loop; a sweep every 100 ms writes
    /// off lost packet-ins (<see cref="ForgiveLosses"/>). The sockets stay blocking: epoll said there is data, so
    /// the read returns at once, and the few bytes written per round trip always fit the socket's buffer.
    /// After a round that found something, the loop polls without sleeping (<c>epoll_wait</c> with a zero timeout)
    /// for up to <paramref name="spin"/> before it sleeps in the kernel again: the generator's own wake-up is then
    /// not part of each round trip, whichever controller answers (zero, the default: always sleep). With
    /// <paramref name="cpu"/> (not negative) the loop's thread runs only on that CPU.
    /// </summary>
    public static void PollLoop(IReadOnlyList<EmulatedSwitch> fleet, TimeSpan spin, int cpu, CancellationToken cancellationToken)
    {
        if (cpu >= 0)
        {
            CpuAffinity.PinCurrentThread(cpu);
        }

        const int SweepMs = 100;
        var spinTicks = (long)(spin.TotalSeconds * Stopwatch.Frequency);
        LastLoopRounds = 0;
        LastLoopEvents = 0;
        var epoll = Epoll.Create();
        try
        {
            for (var i = 0; i < fleet.Count; i++)
            {
                var descriptor = (int)fleet[i]._socket.Handle;
                if (!Epoll.Control(epoll, Epoll.Add, descriptor, Epoll.In, (ulong)i, out var errno))
                {
                    throw new IOException($"epoll_ctl(switch {fleet[i].DatapathId:x}) failed (errno {errno})");
                }

                fleet[i].StartLoad();
                fleet[i].SendWindow();
            }

            var events = new byte[fleet.Count * Epoll.EventSize];
            var nextSweep = Environment.TickCount64 + SweepMs;
            var busy = false;
            while (!cancellationToken.IsCancellationRequested)
            {
                var count = busy ? Epoll.Spin(epoll, events, spinTicks) : 0;
                if (count == 0)
                {
                    count = Epoll.Wait(epoll, events, SweepMs);
                }

                busy = count > 0;
                if (busy)
                {
                    LastLoopRounds++;
                    LastLoopEvents += count;
                }
                for (var e = 0; e < count; e++)
                {
                    var sw = fleet[(int)Epoll.Read(events, e).Data];
                    sw.Pump();
                    sw.SendWindow();
                }

                var now = Environment.TickCount64;
                if (now >= nextSweep)
                {
                    nextSweep = now + SweepMs;
                    foreach (var sw in fleet)
                    {
                        sw.ForgiveLosses();
                        sw.SendWindow();
                    }
                }
            }
        }
        finally
        {
            Epoll.Close(epoll);
        }
    }

    private void StartLoad()
    {
        _sent = FlowMods;
        _next = 0;
        _lastProgressTicks = Environment.TickCount64;
    }

    /// <summary>Writes into the send buffer the packet-ins that refill the window; returns their length.</summary>
    private int FillWindow()
    {
        var n = 0;
        for (var k = _sent - FlowMods; k < window && n + PacketInLength <= _send.Length; k++)
        {
            var src = _next;
            var dst = (_next + 1) % macCount;
            _next = dst;
            n += WritePacketIn(_send.AsSpan(n), Mac(dst), Mac(src), PortOf(src));
            _sent++;
        }

        return n;
    }

    private void SendWindow()
    {
        var n = FillWindow();
        if (n > 0)
        {
            SendAll(_send.AsSpan(0, n));
        }
    }

    /// <summary>Reads what poll or epoll said is waiting (so the call does not wait) and handles every whole message.</summary>
    private void Pump()
    {
        var n = Epoll.Receive(_descriptor, _receive.AsSpan(_receiveLength), out var error);
        if (error != SocketError.Success)
        {
            throw new IOException($"switch {index}: receive failed: {new SocketException((int)error).Message}");
        }

        Received(n);
        var p = 0;
        for (int length; (length = WholeMessageAt(p)) > 0; p += length)
        {
            var reply = Answer(_receive.AsSpan(p, length));
            if (reply > 0)
            {
                SendAll(_reply.AsSpan(0, reply));
            }
        }

        Consumed(p);
    }

    /// <summary>
    /// Writes all of <paramref name="data"/> on the blocking socket with libc <c>send</c> (as the controller's poll loop
    /// does), so the generator's own cost per message is a system call, not .NET's socket layer around one.
    /// </summary>
    private void SendAll(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var sent = Epoll.Send(_descriptor, data, out var error);
            if (error != SocketError.Success)
            {
                throw new IOException($"switch {index}: send failed: {new SocketException((int)error).Message}");
            }

            data = data[sent..];
        }
    }

    /// <summary>Counts <paramref name="n"/> bytes just read into the receive buffer; none means the controller closed.</summary>
    private void Received(int n)
    {
        if (n == 0)
        {
            throw new IOException($"switch {index}: the controller closed the connection");
        }

        _receiveLength += n;
    }

    /// <summary>The length of the message at <paramref name="p"/> in the receive buffer, or 0 while it has not all arrived.</summary>
    private int WholeMessageAt(int p)
    {
        if (_receiveLength - p < 8)
        {
            return 0;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(_receive.AsSpan(p + 2));
        if (length < 8)
        {
            throw new IOException($"switch {index}: bad message length {length}");
        }

        return _receiveLength - p < length ? 0 : length;
    }

    /// <summary>Drops the first <paramref name="p"/> handled bytes, keeping a partial message for the next read.</summary>
    private void Consumed(int p)
    {
        Buffer.BlockCopy(_receive, p, _receive, 0, _receiveLength - p);
        _receiveLength -= p;
    }

    /// <summary>A controller that dropped packet-ins would stall the window for ever; after a second without progress the lost ones are written off.</summary>
    private void ForgiveLosses()
    {
        var now = Environment.TickCount64;
        if (FlowMods != _flowModsAtLastCheck)
        {
            _flowModsAtLastCheck = FlowMods;
            _lastProgressTicks = now;
        }
        else if (now - _lastProgressTicks > 1000)
        {
            _sent = FlowMods;
            _lastProgressTicks = now;
        }
    }

    private int WritePacketIn(Span<byte> d, ulong dst, ulong src, uint inPort)
    {
        var length = PacketInLength;
        d[..length].Clear();
        var bufferId = ++_bufferId & 0x7FFF_FFFF;
        Header(d, 0, 10, length, ++_xid);
        BinaryPrimitives.WriteUInt32BigEndian(d[8..], bufferId);
        BinaryPrimitives.WriteUInt16BigEndian(d[12..], FrameLength);
        int data;
        if (version == 4)
        {
            BinaryPrimitives.WriteUInt16BigEndian(d[24..], 1);
            BinaryPrimitives.WriteUInt16BigEndian(d[26..], 12);
            BinaryPrimitives.WriteUInt32BigEndian(d[28..], 0x8000_0004);
            BinaryPrimitives.WriteUInt32BigEndian(d[32..], inPort);
            data = 42;
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(d[14..], (ushort)inPort);
            data = 18;
        }

        BinaryPrimitives.WriteUInt16BigEndian(d[data..], (ushort)(dst >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(d[(data + 2)..], (uint)dst);
        BinaryPrimitives.WriteUInt16BigEndian(d[(data + 6)..], (ushort)(src >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(d[(data + 8)..], (uint)src);
        BinaryPrimitives.WriteUInt16BigEndian(d[(data + 12)..], 0x0800);

        // A well-formed IPv4/UDP header, as cbench sends: a controller that reads the headers (the product's
        // apps do) must not take the frame for garbage.
        var ip = d.Slice(data + 14, 20);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], FrameLength - 14);
        ip[8] = 64;
        ip[9] = 17;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], 0x0A00_0000u | (uint)(src & 0xFFFFFF));
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], 0x0A00_0000u | (uint)(dst & 0xFFFFFF));
        BinaryPrimitives.WriteUInt16BigEndian(d[(data + 34)..], 1234);
        BinaryPrimitives.WriteUInt16BigEndian(d[(data + 36)..], 5678);
        BinaryPrimitives.WriteUInt16BigEndian(d[(data + 38)..], FrameLength - 34);
        return length;
    }

    private void Header(Span<byte> d, int offset, byte type, int length, uint xid)
    {
        d[offset] = version;
        d[offset + 1] = type;
        BinaryPrimitives.WriteUInt16BigEndian(d[(offset + 2)..], (ushort)length);
        BinaryPrimitives.WriteUInt32BigEndian(d[(offset + 4)..], xid);
    }

    /// <summary>Reads what has arrived (waiting for it without a timer) and handles every whole message.</summary>
    private async Task ReceiveOnceAsync(CancellationToken cancellationToken)
    {
        var n = await _socket.ReceiveAsync(_receive.AsMemory(_receiveLength), cancellationToken).ConfigureAwait(false);
        Received(n);
        var p = 0;
        for (int length; (length = WholeMessageAt(p)) > 0; p += length)
        {
            var reply = Answer(_receive.AsSpan(p, length));
            if (reply > 0)
            {
                await _socket.SendAsync(_reply.AsMemory(0, reply), cancellationToken).ConfigureAwait(false);
            }
        }

        Consumed(p);
    }

    /// <summary>Counts what the controller sent and writes the switch's answer, if any, into the reply buffer; returns its length.</summary>
    private int Answer(ReadOnlySpan<byte> m)
    {
        var type = m[1];
        var xid = BinaryPrimitives.ReadUInt32BigEndian(m[4..]);
        var v13 = version == 4;
        int reply;
        switch (type)
        {
            case 14:
                Interlocked.Increment(ref _flowMods);
                return 0;
            case 13:
                Interlocked.Increment(ref _packetOuts);
                return 0;
            case 1:
                Interlocked.Increment(ref _errors);
                return 0;
            case 2:
                reply = Copy(m, 3, xid);
                break;
            case 5:
                reply = FeaturesReply(xid);
                _featuresAnswered = true;
                break;
            case 7:
                Header(_reply, 0, 8, 12, xid);
                _reply[8] = 0;
                _reply[9] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(_reply.AsSpan(10), 0xFFFF);
                reply = 12;
                break;
            case 18 when v13:
            case 16 when !v13:
                reply = StatsReply(m, xid);
                break;
            case 20 when v13:
            case 18 when !v13:
                Header(_reply, 0, (byte)(type + 1), 8, xid);
                reply = 8;
                break;
            default:
                return 0;
        }

        return reply;
    }

    private int Copy(ReadOnlySpan<byte> m, byte type, uint xid)
    {
        m.CopyTo(_reply);
        _reply[1] = type;
        return m.Length;
    }

    private int FeaturesReply(uint xid)
    {
        var d = _reply.AsSpan();
        d[..32].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(d[8..], DatapathId);
        BinaryPrimitives.WriteUInt32BigEndian(d[16..], 256);
        d[20] = 1;
        var length = 32;
        if (version == 1)
        {
            // Sixteen ports of 48 bytes each (ofp_phy_port) in 1.0.
            for (var i = 1; i <= 16; i++)
            {
                var port = d.Slice(length, 48);
                port.Clear();
                BinaryPrimitives.WriteUInt16BigEndian(port, (ushort)i);
                port[7] = (byte)i;
                System.Text.Encoding.ASCII.GetBytes($"p{i}", port[8..]);
                length += 48;
            }
        }

        Header(d, 0, 6, length, xid);
        return length;
    }

    private int StatsReply(ReadOnlySpan<byte> request, uint xid)
    {
        var d = _reply.AsSpan();
        var headerSize = version == 4 ? 16 : 12;
        d[..headerSize].Clear();
        var statsType = BinaryPrimitives.ReadUInt16BigEndian(request[8..]);
        BinaryPrimitives.WriteUInt16BigEndian(d[8..], statsType);
        var length = headerSize;
        if (version == 4 && statsType == 13)
        {
            for (var i = 1; i <= 16; i++)
            {
                var port = d.Slice(length, 64);
                port.Clear();
                BinaryPrimitives.WriteUInt32BigEndian(port, (uint)i);
                port[13] = (byte)i;
                System.Text.Encoding.ASCII.GetBytes($"p{i}", port[16..]);
                length += 64;
            }
        }
        else if (statsType == 0)
        {
            d.Slice(length, 1056).Clear();
            length += 1056;
        }

        Header(d, 0, (byte)(version == 4 ? 19 : 17), length, xid);
        return length;
    }

    public void Close() => _socket.Dispose();
}
