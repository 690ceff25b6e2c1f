using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Diagnostics;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Sflow;

/// <summary>
/// The sFlow collector: a dedicated thread receives datagrams synchronously into one reused buffer and
/// hands them to <see cref="SflowAggregator"/>; once per interval the batch goes to the bus
/// (<see cref="BusTopics.Traffic"/>) with the latest traffic per VM MAC (<see cref="BusTopics.LatestTraffic"/>).
/// </summary>
public sealed class SflowCollectorService(
    IOptions<SflowOptions> options, ITelemetryBus bus, TimeProvider time, ILogger<SflowCollectorService> logger) : BackgroundService
{
    private const int MaxDatagram = 65535;
    private static readonly TimeSpan VmRefreshPeriod = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource<IPEndPoint> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LogThrottle _malformedLog = new(time, TimeSpan.FromSeconds(1));
    private readonly LogThrottle _droppedLog = new(time, TimeSpan.FromSeconds(10));
    private SflowAggregator? _aggregator;

    /// <summary>Completes with the bound endpoint once the socket listens (useful with <c>Port</c> 0).</summary>
    public Task<IPEndPoint> Listening => _listening.Task;

    /// <summary>The aggregator, once listening; for health checks and tests.</summary>
    public SflowAggregator? Aggregator => _aggregator;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            logger.LogInformation("sFlow collector disabled (Sflow:Enabled is false)");
            _listening.TrySetCanceled(CancellationToken.None);
            return;
        }

        var aggregator = new SflowAggregator(
            time, o.TopFlows, o.AllowedAgents.Select(a => IpAddressValue.FromIPAddress(Normalize(IPAddress.Parse(a)))));
        _aggregator = aggregator;
        var configuredVms = o.Vms.ToDictionary(v => MacAddress.Parse(v.Mac), v => v.Name);
        aggregator.SetVms(configuredVms);

        Socket socket;
        try
        {
            socket = Bind(o);
        }
        catch (SocketException ex)
        {
            // Another listener on the port must not take the dashboard or the other collectors down with it.
            logger.LogError(ex, "sFlow collector cannot listen on udp {Address}:{Port} ({Error}); it stays off", o.ListenAddress, o.Port, ex.SocketErrorCode);
            _listening.TrySetException(ex);
            return;
        }

        using var ownedSocket = socket;
        var local = (IPEndPoint)socket.LocalEndPoint!;
        logger.LogInformation("sFlow collector listening on udp {Endpoint}, interval {Interval}s", local, o.IntervalSeconds);
        var receiver = new Thread(() => ReceiveLoop(socket, aggregator, stoppingToken))
        {
            IsBackground = true,
            Name = "sflow-receive",
        };
        receiver.Start();
        _listening.TrySetResult(local);

        var collector = $"{Environment.MachineName}:{local.Port}";
        var ttl = TimeSpan.FromSeconds(Math.Max(3 * o.IntervalSeconds, 5));
        var nextVmRefresh = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.IntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (time.GetUtcNow() >= nextVmRefresh)
                {
                    await RefreshVmsAsync(aggregator, configuredVms, stoppingToken).ConfigureAwait(false);
                    nextVmRefresh = time.GetUtcNow() + VmRefreshPeriod;
                }

                var batch = aggregator.Flush(collector);
                if (batch.DroppedDatagrams > 0 && _droppedLog.TryEnter(out _))
                {
                    logger.LogWarning("sFlow: dropped {Count} datagrams from senders outside Sflow:AllowedAgents", batch.DroppedDatagrams);
                }

                await bus.PublishAsync(BusTopics.Traffic, batch, stoppingToken).ConfigureAwait(false);
                if (batch.Vms.Count > 0)
                {
                    await bus.SetLatestAsync(
                        BusTopics.LatestTraffic, batch.Vms.Select(v => KeyValuePair.Create(v.Mac, v)).ToList(), ttl, stoppingToken)
                        .ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            socket.Close();
            receiver.Join(TimeSpan.FromSeconds(5));
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static Socket Bind(SflowOptions o)
    {
        var address = IPAddress.Parse(o.ListenAddress);
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.ReceiveBufferSize = o.ReceiveBufferBytes;
            ForceReceiveBuffer(socket, o.ReceiveBufferBytes);
            socket.Bind(new IPEndPoint(address, o.Port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Linux caps SO_RCVBUF at net.core.rmem_max (often 208 KiB to 4 MiB), too small for bursts from many
    /// agents; with CAP_NET_ADMIN, SO_RCVBUFFORCE sets the size asked for. Without it the capped size stays.
    /// </summary>
    private static void ForceReceiveBuffer(Socket socket, int bytes)
    {
        const int solSocket = 1;
        const int soRcvBufForce = 33;
        if (!OperatingSystem.IsLinux() || socket.ReceiveBufferSize >= bytes)
        {
            return;
        }

        try
        {
            socket.SetRawSocketOption(solSocket, soRcvBufForce, BitConverter.GetBytes(bytes));
        }
        catch (SocketException)
        {
            // Not permitted: keep the capped buffer.
        }
    }

    private void ReceiveLoop(Socket socket, SflowAggregator aggregator, CancellationToken stoppingToken)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var from = new SocketAddress(socket.AddressFamily);
        while (!stoppingToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted
                                                 or SocketError.NotSocket || stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                // E.g. ICMP port-unreachable feedback or a datagram larger than the buffer: keep listening.
                logger.LogDebug(ex, "sFlow receive error {Error}", ex.SocketErrorCode);
                continue;
            }

            var outcome = aggregator.Ingest(buffer.AsSpan(0, received), SenderOf(from), out var error);
            if (outcome == SflowIngestOutcome.Malformed && _malformedLog.TryEnter(out var suppressed))
            {
                logger.LogWarning(
                    "sFlow: dropped a malformed datagram from {Sender}: {Reason} ({Suppressed} more since the last message)",
                    SenderOf(from), error!.Message, suppressed);
            }
        }
    }

    /// <summary>The sender as a value, without allocating an <see cref="IPEndPoint"/>; IPv4-mapped IPv6 becomes IPv4.</summary>
    private static IpAddressValue SenderOf(SocketAddress address)
    {
        var bytes = address.Buffer.Span;
        if (address.Family == AddressFamily.InterNetwork)
        {
            return IpAddressValue.ReadIPv4(bytes[4..]);
        }

        var v6 = IpAddressValue.ReadIPv6(bytes[8..]);
        return (v6.Value >> 32) == 0xFFFF ? IpAddressValue.FromIPv4((uint)v6.Value) : v6;
    }

    private async Task RefreshVmsAsync(
        SflowAggregator aggregator, Dictionary<MacAddress, string> configured, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, VmSample> latest;
        try
        {
            latest = await bus.GetAllLatestAsync(BusTopics.LatestVm, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "sFlow: could not read VMs from the bus; keeping the last known map");
            return;
        }

        if (latest.Count == 0)
        {
            aggregator.SetVms(configured);
            return;
        }

        // libvirt's view wins when the libvirt collector runs; configured names fill in MACs it does not know.
        var map = new Dictionary<MacAddress, string>(configured);
        foreach (var vm in latest.Values)
        {
            foreach (var nic in vm.Interfaces)
            {
                if (MacAddress.TryParse(nic.Mac, null, out var mac))
                {
                    map[mac] = vm.Name;
                }
            }
        }

        aggregator.SetVms(map);
    }
}
