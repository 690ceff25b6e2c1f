using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// The few libc calls the controller's poll loop needs (Linux only): epoll for readiness of many sockets on one
/// thread, an eventfd to wake that thread from others, and <c>recv</c>/<c>send</c> straight on a socket's descriptor
/// (one call each way per message, without .NET's socket layer around it: handle reference counting, error-code
/// translation and a second native library, about a twentieth of the loop thread in the latency benchmark).
/// </summary>
internal static partial class Epoll
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Error = 0x008;
    public const uint HangUp = 0x010;

    public const int Add = 1;
    public const int Delete = 2;
    public const int Modify = 3;

    private const int CloseOnExec = 0x80000;
    private const int NonBlocking = 0x800;
    private const int Interrupted = 4;
    private const int NoSignal = 0x4000;

    /// <summary>
    /// <c>struct epoll_event</c>: packed (12 bytes) on x86-64, naturally aligned (16 bytes) elsewhere; the loop
    /// reads events through <see cref="EventSize"/> and <see cref="DataOffset"/> so one build serves both.
    /// </summary>
    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    public static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    public static bool IsSupported => OperatingSystem.IsLinux();

    public static int Create()
    {
        var fd = epoll_create1(CloseOnExec);
        return fd >= 0 ? fd : throw Failure("epoll_create1");
    }

    public static int CreateEvent()
    {
        var fd = eventfd(0, CloseOnExec | NonBlocking);
        return fd >= 0 ? fd : throw Failure("eventfd");
    }

    /// <summary>Adds, changes or removes one descriptor; false (errno in <paramref name="errno"/>) on failure.</summary>
    public static unsafe bool Control(int epoll, int operation, int fd, uint events, ulong data, out int errno)
    {
        var buffer = stackalloc byte[16];
        *(uint*)buffer = events;
        *(ulong*)(buffer + DataOffset) = data;
        var ok = epoll_ctl(epoll, operation, fd, buffer) == 0;
        errno = ok ? 0 : Marshal.GetLastPInvokeError();
        return ok;
    }

    /// <summary>Waits for events into <paramref name="events"/>; returns how many, 0 when interrupted by a signal.</summary>
    public static unsafe int Wait(int epoll, byte[] events, int timeoutMs)
    {
        fixed (byte* p = events)
        {
            var n = epoll_wait(epoll, p, events.Length / EventSize, timeoutMs);
            if (n >= 0)
            {
                return n;
            }

            var errno = Marshal.GetLastPInvokeError();
            return errno == Interrupted ? 0 : throw new System.ComponentModel.Win32Exception(errno, $"epoll_wait failed (errno {errno})");
        }
    }

    /// <summary>
    /// Polls without sleeping (<c>epoll_wait</c> with timeout 0) until something is ready or <paramref name="spinTicks"/>
    /// <see cref="System.Diagnostics.Stopwatch"/> ticks have passed; returns how many events, 0 when none came (or when
    /// <paramref name="spinTicks"/> is 0 or less).
    /// </summary>
    public static int Spin(int epoll, byte[] events, long spinTicks)
    {
        if (spinTicks <= 0)
        {
            return 0;
        }

        var until = System.Diagnostics.Stopwatch.GetTimestamp() + spinTicks;
        int count;
        while ((count = Wait(epoll, events, 0)) == 0 && System.Diagnostics.Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(8);
        }

        return count;
    }

    public static (uint Events, ulong Data) Read(byte[] events, int index)
    {
        var offset = index * EventSize;
        return (BitConverter.ToUInt32(events, offset), BitConverter.ToUInt64(events, offset + DataOffset));
    }

    public static unsafe void Signal(int eventFd)
    {
        ulong one = 1;
        _ = write(eventFd, &one, 8);
    }

    public static unsafe void Drain(int eventFd)
    {
        ulong value;
        _ = read(eventFd, &value, 8);
    }

    /// <summary>
    /// Reads what a non-blocking socket holds into <paramref name="buffer"/>: the byte count (0 when the peer closed),
    /// or 0 with <paramref name="error"/> set (<see cref="SocketError.WouldBlock"/> when nothing is there yet).
    /// </summary>
    public static unsafe int Receive(int fd, Span<byte> buffer, out SocketError error)
    {
        fixed (byte* p = buffer)
        {
            return Transfer(fd, p, buffer.Length, receive: true, out error);
        }
    }

    /// <summary>
    /// Writes as much of <paramref name="data"/> as a non-blocking socket takes now (never raising SIGPIPE): the byte
    /// count, or 0 with <paramref name="error"/> set (<see cref="SocketError.WouldBlock"/> when the kernel has no room).
    /// </summary>
    public static unsafe int Send(int fd, ReadOnlySpan<byte> data, out SocketError error)
    {
        fixed (byte* p = data)
        {
            return Transfer(fd, p, data.Length, receive: false, out error);
        }
    }

    /// <summary>One <c>recv</c> or <c>send</c>, repeated only when a signal interrupted it.</summary>
    private static unsafe int Transfer(int fd, byte* p, int length, bool receive, out SocketError error)
    {
        while (true)
        {
            var n = receive ? recv(fd, p, length, 0) : send(fd, p, length, NoSignal);
            if (n >= 0)
            {
                error = SocketError.Success;
                return (int)n;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                error = ToSocketError(errno);
                return 0;
            }
        }
    }

    /// <summary>The Linux errno values a connected TCP socket reports, as the <see cref="SocketError"/> .NET would give.</summary>
    internal static SocketError ToSocketError(int errno) => errno switch
    {
        11 => SocketError.WouldBlock,
        32 => SocketError.Shutdown,
        103 => SocketError.ConnectionAborted,
        104 => SocketError.ConnectionReset,
        107 => SocketError.NotConnected,
        110 => SocketError.TimedOut,
        9 => SocketError.OperationAborted,
        _ => SocketError.SocketError,
    };

    public static void Close(int fd)
    {
        if (fd >= 0)
        {
            _ = close(fd);
        }
    }

    private static System.ComponentModel.Win32Exception Failure(string call)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new System.ComponentModel.Win32Exception(errno, $"{call} failed (errno {errno})");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_ctl(int epfd, int op, int fd, byte* ev);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_wait(int epfd, byte* events, int maxevents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int eventfd(uint initval, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint read(int fd, void* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint write(int fd, void* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint recv(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint send(int fd, byte* buffer, nint length, int flags);
}
