using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Diagnostics;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// The OpenFlow listener: accepts many switches at once (TCP, or TLS when a certificate is configured), runs each
/// on its own <see cref="SwitchConnection"/> (plain TCP on the epoll thread of a <see cref="SwitchPollLoop"/>, TLS on
/// .NET's async streams), hosts the controller apps on one dispatcher, keeps switches alive
/// with echo requests, polls their flow tables into the <see cref="SwitchRegistry"/>, and publishes each switch's
/// up/down <see cref="SourceStatus"/> on the bus.
/// </summary>
public sealed class OpenFlowServer(
    IOptions<ControllerOptions> options,
    ControllerPipeline pipeline,
    SwitchRegistry registry,
    ControllerStatistics statistics,
    ITelemetryBus bus,
    TimeProvider time,
    ILogger<OpenFlowServer> logger) : ISwitchCommandSink
{
    private readonly ConcurrentDictionary<SwitchConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<ulong, SwitchConnection> _byDatapath = new();
    private readonly Lock _attachLock = new();
    private readonly TaskCompletionSource<IPEndPoint> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LogThrottle _malformedLog = new(time, TimeSpan.FromSeconds(1));
    private readonly LogThrottle _errorLog = new(time, TimeSpan.FromSeconds(1));
    private ControllerDispatcher? _dispatcher;
    private SwitchPollLoop[] _pollLoops = [];
    private int _nextPollLoop;

    /// <summary>Completes with the bound endpoint once listening (port 0 in the options resolves here).</summary>
    public Task<IPEndPoint> Listening => _listening.Task;

    public ControllerStatistics Statistics => statistics;

    internal SwitchRegistry Registry => registry;

    internal ControllerOptions Options => options.Value;

    internal ControllerDispatcher Dispatcher => _dispatcher ?? throw new InvalidOperationException("The server is not running.");

    internal DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Sends commands made outside an event (policy edits) through the dispatcher, in order with the apps'.</summary>
    public ValueTask SendAsync(IReadOnlyList<SwitchCommand> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count > 0)
        {
            _dispatcher?.PostCommands(commands);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Datapath ids with a live, handshaken connection.</summary>
    public IReadOnlyCollection<ulong> ConnectedDatapaths => [.. _byDatapath.Keys];

    /// <summary>Listens and serves until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var endpoint = IPEndPoint.Parse(o.Listen);
        var certificate = o.TlsEnabled ? LoadCertificate(o) : null;
        using var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen(512);
        }
        catch (SocketException ex)
        {
            _listening.TrySetException(ex);
            throw;
        }

        var bound = (IPEndPoint)listener.LocalEndPoint!;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _dispatcher = new ControllerDispatcher(pipeline, registry, statistics, time, logger)
        {
            Route = id => _byDatapath.TryGetValue(id, out var c) ? c : null,
        };
        // Plain TCP is served by one epoll thread (see SwitchPollLoop); TLS stays on .NET's async streams.
        if (certificate is null && o.PollLoop && Epoll.IsSupported)
        {
            _pollLoops = [.. Enumerable.Range(0, o.PollThreads).Select(i => new SwitchPollLoop($"of-poll-{i}", _dispatcher, OnPollFailure, TimeSpan.FromMicroseconds(o.PollSpinMicroseconds)))];
        }

        logger.LogInformation("OpenFlow controller listening on {Endpoint} ({Transport}), apps: {Apps}", bound,
            certificate is not null ? "tls" : _pollLoops.Length > 0 ? $"tcp, {_pollLoops.Length} epoll threads" : "tcp, async sockets",
            string.Join(", ", pipeline.Apps.Select(a => a.GetType().Name)));
        _listening.TrySetResult(bound);
        var housekeeping = HousekeepingAsync(stopping.Token);
        var sessions = new ConcurrentDictionary<Task, byte>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                statistics.OnAccepted();
                var session = ServeAsync(socket, certificate, stopping.Token);
                sessions.TryAdd(session, 0);
                _ = session.ContinueWith(t => sessions.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            foreach (var connection in _connections.Keys)
            {
                connection.Close("controller stopping");
            }

            await Task.WhenAll(sessions.Keys).ConfigureAwait(false);
            foreach (var loop in _pollLoops)
            {
                loop.Dispose();
            }

            _dispatcher.Complete();
            await Swallow(housekeeping).ConfigureAwait(false);
            certificate?.Dispose();
        }
    }

    private static async Task Swallow(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static X509Certificate2 LoadCertificate(ControllerOptions o)
    {
        var path = o.TlsCertificatePath;
        var pem = path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase);
        return pem
            ? X509Certificate2.CreateFromPemFile(path, string.IsNullOrWhiteSpace(o.TlsKeyPath) ? null : o.TlsKeyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(path, o.TlsCertificatePassword);
    }

    private async Task ServeAsync(Socket socket, X509Certificate2? certificate, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var remote = socket.RemoteEndPoint?.ToString() ?? "?";
        socket.NoDelay = true;
        if (_pollLoops.Length > 0)
        {
            var loop = _pollLoops[(int)((uint)Interlocked.Increment(ref _nextPollLoop) % (uint)_pollLoops.Length)];
            await ServePolledAsync(socket, remote, loop, cancellationToken).ConfigureAwait(false);
            return;
        }

        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (certificate is not null)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                handshake.CancelAfter(TimeSpan.FromSeconds(options.Value.HandshakeTimeoutSeconds));
                await tls.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions { ServerCertificate = certificate, ClientCertificateRequired = false },
                    handshake.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            logger.LogWarning("TLS handshake with {Remote} failed: {Message}", remote, ex.Message);
            await stream.DisposeAsync().ConfigureAwait(false);
            return;
        }

        var connection = new SwitchConnection(stream, remote, this, Now);
        _connections.TryAdd(connection, 0);
        try
        {
            await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Connection from {Remote} failed", remote);
            connection.Close(ex.Message);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    private async Task ServePolledAsync(Socket socket, string remote, SwitchPollLoop loop, CancellationToken cancellationToken)
    {
        var connection = new SwitchConnection(new PolledSocketStream(socket), remote, this, Now);
        _connections.TryAdd(connection, 0);
        try
        {
            await connection.RunPolledAsync(loop, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    private void OnPollFailure(SwitchConnection connection, Exception ex)
    {
        logger.LogError(ex, "Connection from {Remote} failed", connection.RemoteAddress);
        connection.Close(ex.Message);
    }

    internal void OnReady(SwitchConnection connection, SwitchConnected connected)
    {
        lock (_attachLock)
        {
            if (_byDatapath.TryGetValue(connected.DatapathId, out var previous) && previous != connection)
            {
                // The switch reconnected before its old connection was noticed dead: retire that one first so
                // the apps see Disconnected then Connected, in order.
                previous.Close($"replaced by a new connection from {connection.RemoteAddress}");
            }

            _byDatapath[connected.DatapathId] = connection;
            registry.OnConnected(connected.DatapathId, connected.Version, connection.RemoteAddress, connected.Ports, Now);
            Dispatcher.Post(connection, connected);
        }

        logger.LogInformation("Switch {Dpid} connected from {Remote} speaking {Version}, {Ports} ports",
            DatapathText(connected.DatapathId), connection.RemoteAddress, OfVersion.Name(connected.Version), connected.Ports.Count);
        PublishStatus(connected.DatapathId, true, $"connected from {connection.RemoteAddress}, {OfVersion.Name(connected.Version)}");
    }

    internal void OnClosed(SwitchConnection connection, string reason)
    {
        bool wasLive;
        lock (_attachLock)
        {
            wasLive = connection.IsReady && _byDatapath.TryRemove(KeyValuePair.Create(connection.DatapathId, connection));
            if (wasLive)
            {
                registry.OnDisconnected(connection.DatapathId, reason, Now);
                _dispatcher?.Post(connection, new SwitchDisconnected(connection.DatapathId, reason));
            }
        }

        if (wasLive)
        {
            logger.LogInformation("Switch {Dpid} disconnected: {Reason}", DatapathText(connection.DatapathId), reason);
            PublishStatus(connection.DatapathId, false, reason);
        }
        else
        {
            logger.LogDebug("Connection from {Remote} closed before its handshake finished: {Reason}", connection.RemoteAddress, reason);
        }
    }

    internal void OnMalformed(SwitchConnection connection, OpenFlowException ex)
    {
        statistics.OnMalformed();
        if (_malformedLog.TryEnter(out var suppressed))
        {
            logger.LogWarning("Malformed OpenFlow from {Remote}: {Message} ({Suppressed} more not logged)",
                connection.RemoteAddress, ex.Message, suppressed);
        }
    }

    internal void OnSwitchError(SwitchConnection connection, ErrorMessage error)
    {
        statistics.OnSwitchError();
        if (_errorLog.TryEnter(out var suppressed))
        {
            logger.LogWarning("Switch {Dpid} sent error type {Type} code {Code} for xid {Xid} ({Suppressed} more not logged)",
                DatapathText(connection.DatapathId), error.Type, error.Code, error.Xid, suppressed);
        }
    }

    private async Task HousekeepingAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250), time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var o = options.Value;
            var now = Now;
            var echo = TimeSpan.FromSeconds(o.EchoIntervalSeconds);
            foreach (var connection in _connections.Keys)
            {
                if (connection.IsClosed)
                {
                    continue;
                }

                if (!connection.IsReady && now - connection.StartedAt > TimeSpan.FromSeconds(o.HandshakeTimeoutSeconds))
                {
                    connection.Close("handshake timed out");
                    continue;
                }

                if (connection.EchoSentAt is { } sent)
                {
                    if (now - sent > echo)
                    {
                        connection.Close($"no reply to echo request within {o.EchoIntervalSeconds} s");
                        continue;
                    }
                }
                else if (connection.Dialect is not null && now - connection.LastReceivedAt >= echo)
                {
                    connection.EchoSentAt = now;
                    connection.Send(new EchoRequestMessage { Xid = 0 });
                }

                if (o.FlowStatsIntervalSeconds > 0 && connection.IsReady
                    && (connection.StatsRequestedAt is not { } last || now - last >= TimeSpan.FromSeconds(o.FlowStatsIntervalSeconds)))
                {
                    connection.RequestFlowStats(now);
                }
            }
        }
    }

    private void PublishStatus(ulong datapathId, bool up, string message) =>
        _ = PublishStatusAsync(new SourceStatus { Kind = "switch", Source = DatapathText(datapathId), Up = up, Message = message, At = Now });

    private async Task PublishStatusAsync(SourceStatus status)
    {
        try
        {
            await bus.PublishAsync(BusTopics.SourceStatus, status).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not publish the status of switch {Dpid}", status.Source);
        }
    }

    private static string DatapathText(ulong datapathId) => datapathId.ToString("x16", CultureInfo.InvariantCulture);
}
