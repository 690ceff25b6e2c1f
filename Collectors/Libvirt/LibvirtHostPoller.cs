using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SdnDashboard.Core.Diagnostics;
using SdnDashboard.Core.Rates;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// Polls one libvirt URI on a thread of its own (libvirt calls block on the daemon), reconnecting with
/// back-off when the connection is lost, and hands every poll and status change to <c>emit</c>.
/// </summary>
/// <remarks>
/// A lost connection is seen in three ways: <c>virConnectIsAlive</c> turns false (a remote daemon went
/// away); a host-level call fails; or, for the test driver, whose in-process connection never dies, the
/// node file that stands in for the hypervisor is gone. A node file that changed is reopened at once, so
/// that domains added to or removed from it appear and disappear like VMs started and deleted.
/// </remarks>
internal sealed class LibvirtHostPoller(
    string uri, LibvirtOptions options, TimeProvider time, ILogger logger, Func<LibvirtPollerEvent, bool> emit)
{
    private readonly VmRateTracker _rates = new(options.Ttl);
    private readonly LogThrottle _retryLog = new(time, TimeSpan.FromSeconds(30));
    private readonly LogThrottle _deviceLog = new(time, TimeSpan.FromSeconds(30));
    private HashSet<string> _lastSeen = new(StringComparer.Ordinal);
    private bool? _up;

    /// <summary>What the UI and the log say when the process cannot load libvirt at all.</summary>
    public const string MissingLibraryMessage =
        "libvirt.so.0 is not installed on this machine; install it with: sudo apt-get install libvirt0";

    /// <summary>Runs until <paramref name="stopping"/> is cancelled; never throws for libvirt failures.</summary>
    public void Run(CancellationToken stopping)
    {
        var backOff = TimeSpan.FromSeconds(options.ReconnectInitialSeconds);
        while (!stopping.IsCancellationRequested)
        {
            // Stamped before the open, so a change racing the open causes one reopen too many, never one too few.
            var fileStamp = TestFileStamp();
            string? reason;
            var polled = false;
            try
            {
                using var connection = LibvirtConnection.OpenReadOnly(uri);
                var hostName = LibvirtUris.HostNameOf(uri, options.HostNameFor(uri), connection);
                reason = PollUntilLost(connection, hostName, fileStamp, ref polled, stopping);
            }
            catch (LibvirtException ex)
            {
                reason = ex.LibvirtMessage;
            }
            catch (DllNotFoundException)
            {
                // Keep retrying: the admin may install the library while the dashboard runs.
                reason = MissingLibraryMessage;
            }

            // A connection that opens but cannot be read keeps backing off; one that polled starts over.
            backOff = polled ? TimeSpan.FromSeconds(options.ReconnectInitialSeconds) : backOff;
            if (reason is not null && !stopping.IsCancellationRequested)
            {
                ReportDown(reason, backOff);
                Sleep(backOff, stopping);
                backOff = NextBackOff(backOff, options);
            }
        }
    }

    /// <summary>The wait after <paramref name="current"/> failed again: doubled, up to the configured maximum.</summary>
    internal static TimeSpan NextBackOff(TimeSpan current, LibvirtOptions options) =>
        TimeSpan.FromSeconds(Math.Min(current.TotalSeconds * 2, options.ReconnectMaxSeconds));

    /// <summary>Polls at the configured interval; returns why the connection is lost, or null to reopen at once.</summary>
    private string? PollUntilLost(
        LibvirtConnection connection, string hostName, DateTime? fileStamp, ref bool polled, CancellationToken stopping)
    {
        var reader = new LibvirtHostReader(connection, hostName, options.XmlRefreshPolls);
        var next = time.GetTimestamp();
        while (!stopping.IsCancellationRequested)
        {
            if (!connection.IsAlive())
            {
                return "the connection is no longer alive (virConnectIsAlive)";
            }

            if (fileStamp is not null)
            {
                var stamp = TestFileStamp();
                if (stamp is null)
                {
                    return "the test driver's node file is gone";
                }

                if (stamp != fileStamp)
                {
                    logger.LogInformation("libvirt {Uri}: node file changed; reopening to read it again", uri);
                    return null;
                }
            }

            var started = time.GetTimestamp();
            var at = time.GetUtcNow();
            LibvirtReading reading;
            try
            {
                reading = reader.Read(at);
            }
            catch (LibvirtException ex)
            {
                return ex.LibvirtMessage;
            }

            var elapsed = time.GetElapsedTime(started);
            if (!polled)
            {
                polled = true;
                ReportUp(hostName);
            }

            Publish(reading, at, elapsed);
            next += (long)(options.PollInterval.TotalSeconds * time.TimestampFrequency);
            var wait = TimeSpan.FromSeconds((next - time.GetTimestamp()) / (double)time.TimestampFrequency);
            if (wait <= TimeSpan.Zero)
            {
                // A poll longer than the interval: start the next one now and keep the cadence from here.
                next = time.GetTimestamp();
                wait = TimeSpan.Zero;
            }

            Sleep(wait, stopping);
        }

        return null;
    }

    private void Publish(LibvirtReading reading, DateTimeOffset at, TimeSpan elapsed)
    {
        var vms = _rates.Apply(reading.Vms, at);
        var seen = new HashSet<string>(vms.Select(v => v.Uuid).Concat(reading.UnreadUuids), StringComparer.Ordinal);
        var gone = _lastSeen.Where(u => !seen.Contains(u)).ToList();
        _lastSeen = seen;
        if (reading.DeviceErrors > 0 && _deviceLog.TryEnter(out var suppressed))
        {
            logger.LogWarning(
                "libvirt {Uri}: {Count} domain or device reads failed this poll, last: {Reason} ({Suppressed} more polls with failures since the last report)",
                uri, reading.DeviceErrors, reading.LastDeviceError, suppressed);
        }

        var poll = new HostPoll { Host = reading.Host, Vms = vms, PollMilliseconds = elapsed.TotalMilliseconds, At = at };
        if (!emit(new LibvirtPollCompleted(poll, gone)))
        {
            logger.LogWarning("libvirt {Uri}: publishing is behind; dropped the poll of {At}", uri, at);
        }
    }

    private DateTime? TestFileStamp()
    {
        if (!LibvirtUris.TryGetTestDriverFile(uri, out var path))
        {
            return null;
        }

        var info = new FileInfo(path);
        return info.Exists ? info.LastWriteTimeUtc : null;
    }

    private void ReportUp(string hostName)
    {
        if (_up == true)
        {
            return;
        }

        _up = true;
        logger.LogInformation("libvirt {Uri}: connected (host {Host})", uri, hostName);
        emit(new LibvirtStatusChanged(new SourceStatus
        {
            Kind = "libvirt", Source = uri, Up = true, Message = $"connected to host {hostName}", At = time.GetUtcNow(),
        }));
    }

    private void ReportDown(string reason, TimeSpan retryIn)
    {
        if (_up == false)
        {
            if (_retryLog.TryEnter(out var suppressed))
            {
                logger.LogWarning("libvirt {Uri}: still unreachable: {Reason}; retrying in {RetrySeconds} s ({Attempts} attempts since the last report)",
                    uri, reason, retryIn.TotalSeconds, suppressed + 1);
            }

            return;
        }

        _up = false;
        logger.LogWarning("libvirt {Uri}: unreachable: {Reason}; retrying in {RetrySeconds} s, backing off", uri, reason, retryIn.TotalSeconds);
        emit(new LibvirtStatusChanged(new SourceStatus
        {
            Kind = "libvirt", Source = uri, Up = false, Message = reason, At = time.GetUtcNow(),
        }));
    }

    private void Sleep(TimeSpan duration, CancellationToken stopping)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            Task.Delay(duration, time, stopping).Wait(stopping);
        }
        catch (OperationCanceledException)
        {
            Debug.Assert(stopping.IsCancellationRequested, "only the stopping token ends a wait early");
        }
    }
}
