using System.Buffers;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// What is waiting to go out on one switch's stream, double-buffered in pooled arrays: any thread appends
/// encoded messages to the pending buffer while at most one write of the other buffer is in progress. A flush
/// starts that write on the calling thread, so on a socket with room it completes there and then, without a
/// hop to a send thread; when the socket is full, the write finishes asynchronously and takes whatever was
/// appended meanwhile in the same next write. Everything appended between two flushes leaves in one write.
/// </summary>
internal sealed class SendQueue
{
    /// <summary>Initial size of each of the two buffers; they grow (doubling) for bigger bursts.</summary>
    internal const int InitialBufferSize = 16 * 1024;

    private readonly Stream _stream;
    private readonly Action<Exception> _onFault;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _pending = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private byte[] _inFlight = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _pendingLength;
    private long _queuedBytes;
    private bool _writing;
    private bool _completed;
    private bool _faulted;

    /// <param name="stream">Written by one write at a time.</param>
    /// <param name="onFault">Called once, outside any lock, when a write fails; appended bytes are then dropped.</param>
    public SendQueue(Stream stream, Action<Exception> onFault)
    {
        _stream = stream;
        _onFault = onFault;
    }

    /// <summary>Encodes into a span of a known length.</summary>
    public delegate void Encoder<TState>(Span<byte> destination, TState state);

    /// <summary>Bytes appended and not yet written to the stream, in-flight write included.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Completes once <see cref="Complete"/> was called and everything before it was written (or the stream failed).</summary>
    public Task Drained => _drained.Task;

    /// <summary>
    /// Appends one message of <paramref name="length"/> bytes, encoded in place by <paramref name="encode"/> (a
    /// static lambda: nothing is allocated per message). False once completed or faulted.
    /// </summary>
    public bool TryAppend<TState>(int length, TState state, Encoder<TState> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        lock (_gate)
        {
            if (_completed || _faulted)
            {
                return false;
            }

            if (_pendingLength + length > _pending.Length)
            {
                Grow(_pendingLength + length);
            }

            encode(_pending.AsSpan(_pendingLength, length), state);
            _pendingLength += length;
            Interlocked.Add(ref _queuedBytes, length);
            return true;
        }
    }

    /// <summary>Starts writing what was appended, unless a write is already in progress (it will take it).</summary>
    public void Flush()
    {
        byte[] buffer;
        int length;
        lock (_gate)
        {
            if (_writing || _faulted || _pendingLength == 0)
            {
                return;
            }

            (buffer, length) = TakePending();
        }

        _ = WriteAsync(buffer, length);
    }

    /// <summary>Takes no more messages; what was appended is still written. <see cref="Drained"/> then completes.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (!_writing && (_pendingLength == 0 || _faulted))
            {
                Release();
                _drained.TrySetResult();
                return;
            }
        }

        Flush();
    }

    private (byte[] Buffer, int Length) TakePending()
    {
        var buffer = _pending;
        var length = _pendingLength;
        _pending = _inFlight;
        _inFlight = buffer;
        _pendingLength = 0;
        _writing = true;
        return (buffer, length);
    }

    private async Task WriteAsync(byte[] buffer, int length)
    {
        try
        {
            while (true)
            {
                await _stream.WriteAsync(buffer.AsMemory(0, length)).ConfigureAwait(false);
                lock (_gate)
                {
                    Interlocked.Add(ref _queuedBytes, -length);
                    if (_pendingLength == 0)
                    {
                        _writing = false;
                        if (_completed)
                        {
                            Release();
                            _drained.TrySetResult();
                        }

                        return;
                    }

                    (buffer, length) = TakePending();
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            lock (_gate)
            {
                // The arrays may still be referenced by the failed write: they are left to the collector.
                _faulted = true;
                _writing = false;
                _pendingLength = 0;
                Interlocked.Exchange(ref _queuedBytes, 0);
            }

            _drained.TrySetResult();
            _onFault(ex);
        }
    }

    private void Grow(int needed)
    {
        var size = _pending.Length;
        while (size < needed)
        {
            size *= 2;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _pending.AsSpan(0, _pendingLength).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_pending);
        _pending = bigger;
    }

    /// <summary>Only when no write is in progress: the arrays go back to the pool, an empty one takes their place.</summary>
    private void Release()
    {
        ArrayPool<byte>.Shared.Return(_pending);
        ArrayPool<byte>.Shared.Return(_inFlight);
        _pending = [];
        _inFlight = [];
        _pendingLength = 0;
    }
}
