using System.Collections.Concurrent;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// One thread that serves every plain-TCP switch: it waits on all their sockets with epoll, reads what arrived
/// without waiting, frames it and, once every switch that was ready has been read, runs the apps on all of it
/// (<see cref="SwitchConnection.OnReadable"/>), so a packet-in is answered by the thread the kernel woke, with no
/// hand-off to another thread. Writes go out non-blocking from whichever thread flushes
/// (<see cref="PolledSocketStream"/>); what the kernel does not take waits for EPOLLOUT here. Membership changes
/// from other threads are queued and the loop woken by an eventfd.
/// </summary>
internal sealed class SwitchPollLoop : IDisposable
{
    private const ulong WakeId = 0;
    private const int MaxEvents = 256;

    private readonly int _epoll;
    private readonly int _wake;
    private readonly Thread _thread;
    private readonly ConcurrentQueue<(SwitchConnection Connection, bool Add)> _changes = new();
    private readonly Dictionary<ulong, SwitchConnection> _members = [];
    private readonly ControllerDispatcher _dispatcher;
    private readonly Action<SwitchConnection, Exception> _onFailure;
    private readonly long _spinTicks;
    private ulong _nextId = WakeId;
    private volatile bool _stopping;

    /// <param name="name">Thread name.</param>
    /// <param name="dispatcher">Runs the apps on what a round read (see <see cref="SwitchConnection.OnReadable"/>).</param>
    /// <param name="onFailure">Called on the loop thread when serving one connection threw unexpectedly; that connection is dropped.</param>
    /// <param name="spin">How long to keep polling without sleeping after a round that served something.</param>
    public SwitchPollLoop(string name, ControllerDispatcher dispatcher, Action<SwitchConnection, Exception> onFailure, TimeSpan spin)
    {
        _dispatcher = dispatcher;
        _onFailure = onFailure;
        _spinTicks = (long)(spin.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        _wake = -1;
        _epoll = Epoll.Create();
        try
        {
            _wake = Epoll.CreateEvent();
            if (!Epoll.Control(_epoll, Epoll.Add, _wake, Epoll.In, WakeId, out var errno))
            {
                throw new System.ComponentModel.Win32Exception(errno, $"epoll_ctl(eventfd) failed (errno {errno})");
            }
        }
        catch
        {
            Epoll.Close(_wake);
            Epoll.Close(_epoll);
            throw;
        }

        _thread = new Thread(Run) { Name = name, IsBackground = true };
        _thread.Start();
    }

    /// <summary>Starts watching a connection's socket; its reads then happen on the loop thread.</summary>
    public void Add(SwitchConnection connection) => Change(connection, true);

    /// <summary>Stops watching; the connection's <see cref="SwitchConnection.OnUnwatched"/> runs once that is done.</summary>
    public void Remove(SwitchConnection connection) => Change(connection, false);

    /// <summary>Asks for (or stops asking for) EPOLLOUT; the caller holds the stream's lock, so the descriptor is live.</summary>
    public bool WatchWritable(PolledSocketStream stream, ulong pollId, bool watch) =>
        Epoll.Control(_epoll, Epoll.Modify, stream.Descriptor, watch ? Epoll.In | Epoll.Out : Epoll.In, pollId, out _);

    private void Change(SwitchConnection connection, bool add)
    {
        _changes.Enqueue((connection, add));
        Epoll.Signal(_wake);
    }

    private void Run()
    {
        var events = new byte[MaxEvents * Epoll.EventSize];
        var scratch = new byte[SwitchConnection.ReceiveScratchSize];
        var busy = false;
        while (!_stopping)
        {
            // After a round that served a switch, poll a while before sleeping: one switch's answer often brings the
            // next message within microseconds, and finding it here saves a sleep and a kernel wake-up per message.
            var count = busy ? Epoll.Spin(_epoll, events, _spinTicks) : 0;
            if (count == 0)
            {
                count = Epoll.Wait(_epoll, events, -1);
            }

            busy = count > 0;

            // Read every ready switch first, then run the apps on all they brought (see OnReadable).
            var deferred = 0;
            for (var i = 0; i < count; i++)
            {
                var (flags, id) = Epoll.Read(events, i);
                if (id == WakeId)
                {
                    Epoll.Drain(_wake);
                    continue;
                }

                if (!_members.TryGetValue(id, out var connection))
                {
                    continue;
                }

                try
                {
                    if ((flags & Epoll.Out) != 0)
                    {
                        connection.PolledStream!.OnWritable();
                    }

                    if ((flags & (Epoll.In | Epoll.Error | Epoll.HangUp)) != 0 && !connection.OnReadable(scratch, ref deferred))
                    {
                        Unwatch(id, connection);
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _onFailure(connection, ex);
                    Unwatch(id, connection);
                }
            }

            if (deferred > 0)
            {
                _dispatcher.RunPending();
            }

            ApplyChanges(accepting: true);
        }
    }

    private void ApplyChanges(bool accepting)
    {
        while (_changes.TryDequeue(out var change))
        {
            var connection = change.Connection;
            if (change.Add && !accepting)
            {
                connection.OnUnwatched("controller stopping");
            }
            else if (change.Add)
            {
                var id = ++_nextId;
                var added = 0;
                var registered = !connection.IsClosed && connection.PolledStream!.WithDescriptor(fd =>
                    added = Epoll.Control(_epoll, Epoll.Add, fd, Epoll.In, id, out var errno) ? 0 : errno);
                if (registered && added == 0)
                {
                    connection.PollId = id;
                    connection.PolledStream!.Attach(this, id);
                    _members[id] = connection;
                }
                else
                {
                    connection.OnUnwatched(added == 0 ? null : $"epoll_ctl failed (errno {added})");
                }
            }
            else if (connection.PollId != 0 && _members.ContainsKey(connection.PollId))
            {
                Unwatch(connection.PollId, connection);
            }
        }
    }

    private void Unwatch(ulong id, SwitchConnection connection)
    {
        if (!_members.Remove(id))
        {
            return;
        }

        connection.PolledStream!.WithDescriptor(fd => Epoll.Control(_epoll, Epoll.Delete, fd, 0, id, out _));
        connection.OnUnwatched(null);
    }

    /// <summary>Stops the thread; connections still watched are told they are no longer.</summary>
    public void Dispose()
    {
        _stopping = true;
        Epoll.Signal(_wake);
        _thread.Join();
        ApplyChanges(accepting: false);
        foreach (var (id, connection) in _members.ToList())
        {
            Unwatch(id, connection);
        }

        Epoll.Close(_wake);
        Epoll.Close(_epoll);
    }
}
