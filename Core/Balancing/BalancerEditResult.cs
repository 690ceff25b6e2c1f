using SdnDashboard.Core.Control;

namespace SdnDashboard.Core.Balancing;

/// <summary>The outcome of a run-time edit: validation errors naming the field, or the commands to send.</summary>
public sealed record BalancerEditResult(IReadOnlyList<string> Errors, IReadOnlyList<SwitchCommand> Commands)
{
    public bool Succeeded => Errors.Count == 0;

    public static BalancerEditResult Ok(IReadOnlyList<SwitchCommand> commands) => new([], commands);

    public static BalancerEditResult Fail(params string[] errors) => new(errors, []);
}
