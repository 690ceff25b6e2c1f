using SdnDashboard.Core.Control;

namespace SdnDashboard.Dashboard.Balancer;

/// <summary>The sink while no OpenFlow controller runs in this process: there is no switch to tell.</summary>
public sealed class UnconnectedSwitchCommandSink(ILogger<UnconnectedSwitchCommandSink> logger) : ISwitchCommandSink
{
    public ValueTask SendAsync(IReadOnlyList<SwitchCommand> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count > 0)
        {
            logger.LogInformation("No OpenFlow controller runs here; {Count} flow changes stay unsent", commands.Count);
        }

        return ValueTask.CompletedTask;
    }
}
