using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>
/// A scripted switch for connection-layer tests: speaks OpenFlow 1.3 or 1.0 over loopback TCP, answers the
/// handshake, echoes and flow-stats requests, and records what the controller sent.
/// </summary>
internal sealed class FakeSwitch : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private readonly Channel<OfMessage> _received = Channel.CreateUnbounded<OfMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Stream? _stream;
    private Task? _reader;

    public FakeSwitch(ulong datapathId, byte version)
    {
        DatapathId = datapathId;
        Version = version;
    }

    public ulong DatapathId { get; }

    public byte Version { get; }

    /// <summary>Answer echo requests (turn off to look dead).</summary>
    public bool AnswerEchoes { get; set; } = true;

    /// <summary>Flows reported in flow-stats replies.</summary>
    public IReadOnlyList<FlowStatsEntry> Flows { get; set; } = [];

    /// <summary>At most this many flows a reply; more go in further replies flagged "more", as a switch splits a large table.</summary>
    public int FlowsPerReply { get; set; } = int.MaxValue;

    public OpenFlowDialect Dialect => OpenFlowDialect.For(Version);

    public static async Task<FakeSwitch> ConnectAsync(IPEndPoint controller, ulong datapathId, byte version, Func<TcpClient, Task<Stream>>? wrap = null)
    {
        var fake = new FakeSwitch(datapathId, version);
        await fake._client.ConnectAsync(controller.Address, controller.Port);
        fake._stream = wrap is null ? fake._client.GetStream() : await wrap(fake._client);
        await fake.SendAsync(version == OfVersion.V13 ? new HelloMessage { Xid = 1, VersionBitmap = 1u << version } : new HelloMessage { Xid = 1 });
        fake._reader = Task.Run(fake.ReadLoopAsync);
        return fake;
    }

    public bool IsClosedByPeer { get; private set; }

    /// <summary>What stopped the read loop when it was not the connection closing.</summary>
    public Exception? ReadError { get; private set; }

    public async Task SendAsync(OfMessage message)
    {
        var buffer = new byte[OpenFlowFraming.MaxMessageSize];
        var length = Dialect.Write(message, buffer);
        await SendRawAsync(buffer.AsMemory(0, length));
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _stream!.WriteAsync(bytes);
            await _stream.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Waits for the next message of type <typeparamref name="T"/> that satisfies <paramref name="predicate"/>, skipping others.</summary>
    public async Task<T> ExpectAsync<T>(Func<T, bool>? predicate = null, int timeoutMs = 5000)
        where T : OfMessage
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            while (true)
            {
                var message = await _received.Reader.ReadAsync(timeout.Token);
                if (message is T t && (predicate is null || predicate(t)))
                {
                    return t;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no {typeof(T).Name} from the controller within {timeoutMs} ms");
        }
        catch (ChannelClosedException)
        {
            throw new IOException($"the controller closed the connection before sending a {typeof(T).Name}", ReadError);
        }
    }

    /// <summary>Completes when the controller closes the connection.</summary>
    public async Task WaitClosedAsync(int timeoutMs)
    {
        await _reader!.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        Assert.True(IsClosedByPeer, "the controller should have closed the connection");
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var chunk = new byte[65536];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var n = await _stream!.ReadAsync(chunk, _stop.Token);
                if (n == 0)
                {
                    IsClosedByPeer = true;
                    return;
                }

                buffer.Write(chunk.AsSpan(0, n));
                var data = buffer.WrittenMemory;
                var consumed = 0;
                while (data.Length - consumed >= 8)
                {
                    var length = (data.Span[consumed + 2] << 8) | data.Span[consumed + 3];
                    if (data.Length - consumed < length)
                    {
                        break;
                    }

                    var frame = data.Slice(consumed, length).ToArray();
                    consumed += length;
                    await OnMessageAsync(frame);
                }

                var rest = data[consumed..].ToArray();
                buffer.Clear();
                buffer.Write(rest);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            IsClosedByPeer = !_stop.IsCancellationRequested;
        }
        catch (Exception ex)
        {
            ReadError = ex;
            throw;
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    private async Task OnMessageAsync(byte[] frame)
    {
        // The controller's first hello is 1.3-versioned even towards a 1.0 switch; a hello-failed error carries the peer's version.
        var message = frame[0] == Version || frame[1] == 0 ? Dialect.Read(frame) : OpenFlowDialect.V13.Read(frame);

        switch (message)
        {
            case FeaturesRequestMessage f:
                await SendAsync(new FeaturesReplyMessage
                {
                    Xid = f.Xid, DatapathId = DatapathId, Buffers = 256, Tables = 254, Capabilities = 0x47,
                    Ports = Version == OfVersion.V10 ? Ports() : [],
                });
                break;
            case PortDescRequest p:
                await SendAsync(new PortDescReply { Xid = p.Xid, Ports = Ports() });
                break;
            case EchoRequestMessage e when AnswerEchoes:
                await SendAsync(new EchoReplyMessage { Xid = e.Xid, Data = e.Data });
                break;
            case FlowStatsRequest s:
                var parts = Flows.Chunk(FlowsPerReply).ToList();
                for (var i = 0; i < Math.Max(1, parts.Count); i++)
                {
                    await SendAsync(new FlowStatsReply { Xid = s.Xid, Flags = (ushort)(i < parts.Count - 1 ? 1 : 0), Flows = parts.Count == 0 ? [] : parts[i] });
                }

                break;
        }

        _received.Writer.TryWrite(message);
    }

    private static List<OfPort> Ports() =>
    [
        new OfPort { PortNumber = 1, Name = "ofv-a", HardwareAddress = MacAddress.Parse("02:00:00:00:00:01") },
        new OfPort { PortNumber = 2, Name = "ofv-b", HardwareAddress = MacAddress.Parse("02:00:00:00:00:02") },
    ];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        if (_reader is not null)
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _stop.Dispose();
        _writeLock.Dispose();
    }
}
