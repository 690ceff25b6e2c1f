using System.Net;
using Microsoft.Extensions.Options;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>Stops start-up on a controller setting that cannot work, naming the key and what is allowed.</summary>
public sealed class ControllerOptionsValidator : IValidateOptions<ControllerOptions>
{
    public ValidateOptionsResult Validate(string? name, ControllerOptions options)
    {
        var failures = new List<string>();
        var s = ControllerOptions.Section;
        if (!IPEndPoint.TryParse(options.Listen, out var endpoint) || !options.Listen.Contains(':', StringComparison.Ordinal))
        {
            failures.Add($"{s}:Listen is '{options.Listen}'; want address:port, e.g. 0.0.0.0:6653 or [::]:6653.");
        }
        else if (endpoint.Port is < 0 or > 65535)
        {
            failures.Add($"{s}:Listen port is {endpoint.Port}; allowed 0-65535.");
        }

        Range(failures, $"{s}:EchoIntervalSeconds", options.EchoIntervalSeconds, 1, 3600);
        Range(failures, $"{s}:HandshakeTimeoutSeconds", options.HandshakeTimeoutSeconds, 1, 3600);
        Range(failures, $"{s}:FlowStatsIntervalSeconds", options.FlowStatsIntervalSeconds, 0, 86400);
        Range(failures, $"{s}:PollThreads", options.PollThreads, 1, 64);
        Range(failures, $"{s}:PollSpinMicroseconds", options.PollSpinMicroseconds, 0, 10_000);
        Range(failures, $"{s}:MaxSendQueueBytes", options.MaxSendQueueBytes, 65536, int.MaxValue);
        Range(failures, $"{s}:FlowLedgerCapacity", options.FlowLedgerCapacity, 0, 10_000_000);
        if (options.TlsEnabled && !File.Exists(options.TlsCertificatePath))
        {
            failures.Add($"{s}:TlsCertificatePath '{options.TlsCertificatePath}' does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(options.TlsKeyPath) && !File.Exists(options.TlsKeyPath))
        {
            failures.Add($"{s}:TlsKeyPath '{options.TlsKeyPath}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} is {value}; allowed {min}-{max}.");
        }
    }
}
