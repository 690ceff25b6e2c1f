using Microsoft.Extensions.Options;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>Stops start-up on a <c>Libvirt</c> setting that cannot work, naming the key.</summary>
public sealed class LibvirtOptionsValidator : IValidateOptions<LibvirtOptions>
{
    public ValidateOptionsResult Validate(string? name, LibvirtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string s = LibvirtOptions.Section;
        for (var i = 0; i < options.Uris.Count; i++)
        {
            var uri = options.Uris[i];
            if (string.IsNullOrWhiteSpace(uri) || !uri.Contains(':', StringComparison.Ordinal))
            {
                failures.Add($"{s}:Uris:{i} is '{uri}'; expected a libvirt URI such as qemu:///system or test:///abs/path/node.xml.");
            }
        }

        if (options.Uris.Count != options.Uris.Distinct(StringComparer.Ordinal).Count())
        {
            failures.Add($"{s}:Uris lists a URI twice; each hypervisor is polled once.");
        }

        for (var i = 0; i < options.HostNames.Count; i++)
        {
            if (!options.Uris.Contains(options.HostNames[i].Uri, StringComparer.Ordinal))
            {
                failures.Add($"{s}:HostNames:{i}:Uri is '{options.HostNames[i].Uri}', which is not one of {s}:Uris.");
            }
        }

        if (options.PollIntervalSeconds is < 0.1 or > 3600 || double.IsNaN(options.PollIntervalSeconds))
        {
            failures.Add($"{s}:PollIntervalSeconds is {options.PollIntervalSeconds}; allowed 0.1 to 3600.");
        }

        if (options.TtlPolls is < 2 or > 100)
        {
            failures.Add($"{s}:TtlPolls is {options.TtlPolls}; allowed 2 to 100.");
        }

        if (options.ReconnectInitialSeconds is < 0.05 or > 60 || double.IsNaN(options.ReconnectInitialSeconds))
        {
            failures.Add($"{s}:ReconnectInitialSeconds is {options.ReconnectInitialSeconds}; allowed 0.05 to 60.");
        }

        if (options.ReconnectMaxSeconds < options.ReconnectInitialSeconds || options.ReconnectMaxSeconds > 3600
            || double.IsNaN(options.ReconnectMaxSeconds))
        {
            failures.Add($"{s}:ReconnectMaxSeconds is {options.ReconnectMaxSeconds}; allowed {s}:ReconnectInitialSeconds ({options.ReconnectInitialSeconds}) to 3600.");
        }

        if (options.XmlRefreshPolls is < 1 or > 100_000)
        {
            failures.Add($"{s}:XmlRefreshPolls is {options.XmlRefreshPolls}; allowed 1 to 100000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
