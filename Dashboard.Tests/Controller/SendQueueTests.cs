using System.Net;
using System.Net.Sockets;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Tests.Controller;

public sealed class SendQueueTests
{
    [Fact]
    public void Flush_SeveralAppends_LeaveInOneWriteInOrder()
    {
        var stream = new RecordingStream();
        var queue = new SendQueue(stream, _ => throw new InvalidOperationException("no fault expected"));

        Assert.True(Append(queue, 1, 8));
        Assert.True(Append(queue, 2, 16));
        Assert.True(Append(queue, 3, 8));
        Assert.Equal(32, queue.QueuedBytes);
        Assert.Empty(stream.Writes);

        queue.Flush();

        var write = Assert.Single(stream.Writes);
        Assert.Equal([.. Enumerable.Repeat((byte)1, 8), .. Enumerable.Repeat((byte)2, 16), .. Enumerable.Repeat((byte)3, 8)], write);
        Assert.Equal(0, queue.QueuedBytes);
    }

    [Fact]
    public async Task Flush_WhileAWriteIsInProgress_RestLeavesInOneNextWriteWithoutLoss()
    {
        var stream = new RecordingStream { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var queue = new SendQueue(stream, _ => throw new InvalidOperationException("no fault expected"));
        Append(queue, 1, 10);
        queue.Flush();
        Assert.Single(stream.Writes);

        // The first write is stuck in the stream: these accumulate, and flushing does not start a second write.
        for (byte b = 2; b <= 5; b++)
        {
            Append(queue, b, 10);
            queue.Flush();
        }

        Assert.Single(stream.Writes);
        Assert.Equal(50, queue.QueuedBytes);

        var gate = stream.Gate;
        stream.Gate = null;
        gate.SetResult();
        await EventuallyAsync(() => queue.QueuedBytes == 0);

        Assert.Equal(2, stream.Writes.Count);
        Assert.Equal(Bytes((1, 10)), stream.Writes[0]);
        Assert.Equal(Bytes((2, 10), (3, 10), (4, 10), (5, 10)), stream.Writes[1]);
    }

    [Fact]
    public void Append_BurstBeyondTheInitialBuffer_GrowsAndKeepsEveryByte()
    {
        var stream = new RecordingStream();
        var queue = new SendQueue(stream, _ => throw new InvalidOperationException("no fault expected"));
        var expected = new List<byte>();
        for (var i = 0; i < (3 * SendQueue.InitialBufferSize / 1000) + 1; i++)
        {
            Append(queue, (byte)i, 1000);
            expected.AddRange(Enumerable.Repeat((byte)i, 1000));
        }

        queue.Flush();

        Assert.Equal(expected, Assert.Single(stream.Writes));
    }

    [Fact]
    public async Task Complete_WritesWhatWasQueued_ThenDrainsAndRefusesMore()
    {
        var stream = new RecordingStream();
        var queue = new SendQueue(stream, _ => throw new InvalidOperationException("no fault expected"));
        Append(queue, 7, 12);

        queue.Complete();
        await queue.Drained.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(Bytes((7, 12)), Assert.Single(stream.Writes));
        Assert.False(Append(queue, 8, 4));
    }

    [Fact]
    public async Task WriteFailure_ReportsOnce_DropsQueueAndRefusesMore()
    {
        var stream = new RecordingStream { Failure = new IOException("connection reset") };
        var faults = new List<Exception>();
        var queue = new SendQueue(stream, faults.Add);
        Append(queue, 1, 8);

        queue.Flush();
        queue.Flush();

        Assert.Equal("connection reset", Assert.Single(faults).Message);
        Assert.Equal(0, queue.QueuedBytes);
        Assert.False(Append(queue, 2, 8));
        queue.Complete();
        await queue.Drained.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OverALoopbackSocket_ManyThreadsAppendAndFlush_PeerReadsEveryMessageInEachThreadsOrder()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        using var server = await listener.AcceptTcpClientAsync();
        await using var stream = server.GetStream();
        var queue = new SendQueue(stream, ex => throw new InvalidOperationException("unexpected fault", ex));
        const int threads = 4;
        const int perThread = 20_000;

        // Each message: 8 bytes, thread number then sequence number; the reader checks per-thread order.
        var reading = ReadAllAsync(client.GetStream(), threads * perThread * 8);
        var writers = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                Assert.True(queue.TryAppend(8, (t, i), static (span, s) =>
                {
                    BitConverter.TryWriteBytes(span, s.t);
                    BitConverter.TryWriteBytes(span[4..], s.i);
                }));
                if (i % 7 == 0)
                {
                    queue.Flush();
                }
            }

            queue.Flush();
        })).ToArray();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
        var received = await reading.WaitAsync(TimeSpan.FromSeconds(60));

        var next = new int[threads];
        for (var offset = 0; offset < received.Length; offset += 8)
        {
            var t = BitConverter.ToInt32(received, offset);
            Assert.Equal(next[t]++, BitConverter.ToInt32(received, offset + 4));
        }

        Assert.All(next, n => Assert.Equal(perThread, n));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int total)
    {
        var buffer = new byte[total];
        var read = 0;
        while (read < total)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read));
            Assert.True(n > 0, $"the peer closed after {read} of {total} bytes");
            read += n;
        }

        return buffer;
    }

    private static bool Append(SendQueue queue, byte value, int length) =>
        queue.TryAppend(length, value, static (span, v) => span.Fill(v));

    private static byte[] Bytes(params (byte Value, int Count)[] runs) => [.. runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count))];

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 5 s");
            await Task.Delay(10);
        }
    }

    /// <summary>Records each write as one array; a write can be held open (Gate) or fail (Failure).</summary>
    private sealed class RecordingStream : Stream
    {
        public List<byte[]> Writes { get; } = [];

        public TaskCompletionSource? Gate { get; set; }

        public Exception? Failure { get; set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            lock (Writes)
            {
                Writes.Add(buffer.ToArray());
            }

            if (Gate is { } gate)
            {
                await gate.Task;
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
