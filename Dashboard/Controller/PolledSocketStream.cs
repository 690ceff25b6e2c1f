using System.Net.Sockets;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// The write side of a plain-TCP switch served by a <see cref="SwitchPollLoop"/>: the socket is non-blocking and
/// never sees a .NET async operation, so neither reads nor writes go through the runtime's socket engine. A write
/// goes out on the calling thread as far as the kernel takes it; the rest waits for the loop's EPOLLOUT, and the
/// returned task completes then. Reads are the loop's (see <see cref="SwitchConnection.OnReadable"/>).
/// </summary>
internal sealed class PolledSocketStream : Stream
{
    private readonly Lock _gate = new();
    private readonly Socket _socket;
    private ReadOnlyMemory<byte> _unsent;
    private TaskCompletionSource? _waiting;
    private SwitchPollLoop? _loop;
    private ulong _pollId;
    private bool _disposed;

    public PolledSocketStream(Socket socket)
    {
        socket.Blocking = false;
        _socket = socket;
        Descriptor = (int)socket.Handle;
    }

    /// <summary>The socket's file descriptor; only valid while the stream is not disposed (see <see cref="WithDescriptor"/>).</summary>
    public int Descriptor { get; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Called by the loop once the socket is registered, so a blocked write can ask for EPOLLOUT.</summary>
    public void Attach(SwitchPollLoop loop, ulong pollId)
    {
        lock (_gate)
        {
            _loop = loop;
            _pollId = pollId;
        }
    }

    /// <summary>
    /// Runs <paramref name="control"/> with the socket's descriptor unless it is closed: under the same lock as
    /// the close, so a descriptor number reused by a newer connection is never touched.
    /// </summary>
    public bool WithDescriptor(Action<int> control)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            control(Descriptor);
            return true;
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.FromException(new ObjectDisposedException(nameof(PolledSocketStream)));
            }

            if (_waiting is not null)
            {
                return ValueTask.FromException(new InvalidOperationException("a write is already waiting for the socket"));
            }

            var sent = SendSome(buffer.Span, out var error);
            if (error is not null)
            {
                return ValueTask.FromException(error);
            }

            if (sent == buffer.Length)
            {
                return ValueTask.CompletedTask;
            }

            _unsent = buffer[sent..];
            _waiting = new TaskCompletionSource();
            if (_loop is null || !_loop.WatchWritable(this, _pollId, true))
            {
                _waiting = null;
                return ValueTask.FromException(new IOException("the socket is not registered with the poll loop"));
            }

            return new ValueTask(_waiting.Task);
        }
    }

    /// <summary>
    /// When the kernel has room again (the loop's EPOLLOUT, or the closing connection trying once more): sends what
    /// was left and completes that write. Safe on any thread.
    /// </summary>
    public void OnWritable()
    {
        TaskCompletionSource? done;
        Exception? error = null;
        lock (_gate)
        {
            done = _waiting;
            if (done is null || _disposed)
            {
                return;
            }

            var sent = SendSome(_unsent.Span, out error);
            if (error is null)
            {
                _unsent = _unsent[sent..];
                if (!_unsent.IsEmpty)
                {
                    return;
                }

                _loop?.WatchWritable(this, _pollId, false);
            }

            _waiting = null;
            _unsent = default;
        }

        // Outside the lock: the writer's continuation runs here and may start its next write.
        if (error is null)
        {
            done.TrySetResult();
        }
        else
        {
            done.TrySetException(error);
        }
    }

    private int SendSome(ReadOnlySpan<byte> data, out Exception? error)
    {
        var total = 0;
        error = null;
        while (total < data.Length)
        {
            // Under the stream's lock (both callers hold it), so the descriptor cannot be closed meanwhile.
            var sent = Epoll.Send(Descriptor, data[total..], out var code);
            total += Math.Max(sent, 0);
            if (code == SocketError.WouldBlock)
            {
                break;
            }

            if (code != SocketError.Success)
            {
                error = new SocketException((int)code);
                break;
            }
        }

        return total;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            TaskCompletionSource? waiting;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                waiting = _waiting;
                _waiting = null;
                _socket.Dispose();
            }

            waiting?.TrySetException(new ObjectDisposedException(nameof(PolledSocketStream)));
        }

        base.Dispose(disposing);
    }
}
