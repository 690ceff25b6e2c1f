using System.Net;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Collectors.Sflow;

/// <summary>Stops start-up on an <c>Sflow</c> setting that cannot work, naming the key.</summary>
public sealed class SflowOptionsValidator : IValidateOptions<SflowOptions>
{
    public ValidateOptionsResult Validate(string? name, SflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string s = SflowOptions.Section;
        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"{s}:ListenAddress '{options.ListenAddress}' is not an IP address; use e.g. 0.0.0.0 or ::.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{s}:Port is {options.Port}; allowed 1-65535 (0 picks a free port).");
        }

        for (var i = 0; i < options.AllowedAgents.Count; i++)
        {
            if (!IPAddress.TryParse(options.AllowedAgents[i], out _))
            {
                failures.Add($"{s}:AllowedAgents:{i} '{options.AllowedAgents[i]}' is not an IP address.");
            }
        }

        if (!(options.IntervalSeconds >= 0.05 && options.IntervalSeconds <= 3600))
        {
            failures.Add($"{s}:IntervalSeconds is {options.IntervalSeconds}; allowed 0.05-3600.");
        }

        if (options.TopFlows is < 0 or > 10_000)
        {
            failures.Add($"{s}:TopFlows is {options.TopFlows}; allowed 0-10000.");
        }

        if (options.ReceiveBufferBytes is < 65536 or > 1024 * 1024 * 1024)
        {
            failures.Add($"{s}:ReceiveBufferBytes is {options.ReceiveBufferBytes}; allowed 65536-1073741824.");
        }

        for (var i = 0; i < options.Vms.Count; i++)
        {
            var vm = options.Vms[i];
            if (string.IsNullOrWhiteSpace(vm.Name))
            {
                failures.Add($"{s}:Vms:{i}:Name is empty.");
            }

            if (!MacAddress.TryParse(vm.Mac, null, out _))
            {
                failures.Add($"{s}:Vms:{i}:Mac '{vm.Mac}' is not a MAC address (want aa:bb:cc:dd:ee:ff).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
