namespace SdnDashboard.Dashboard.Controller;

/// <summary>Whether a flow row is both held and intended, only intended, or only held.</summary>
public enum FlowRowState
{
    /// <summary>The switch holds it and the controller intended it.</summary>
    InSync,

    /// <summary>The controller sent it, but the switch's last flow-stats reply does not hold it.</summary>
    Missing,

    /// <summary>The switch holds it, but the controller does not remember sending it.</summary>
    Unintended,
}

/// <summary>One line of the Flow tables page and of <c>GET /api/v1/switches/{dpid}/flows</c>.</summary>
public sealed record FlowRow(
    FlowRowState State, byte TableId, ushort Priority, string Match, string Actions, string Cookie,
    ulong? Packets, ulong? Bytes, double? DurationSeconds, ushort IdleTimeout, ushort HardTimeout)
{
    /// <summary>Rows of one switch: what it holds (each marked in sync or unintended), then what it lacks.</summary>
    public static IReadOnlyList<FlowRow> Of(SwitchView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var unintended = view.PresentButUnintended.ToHashSet();
        var rows = view.Flows.Select(f => new FlowRow(
            unintended.Contains(f) ? FlowRowState.Unintended : FlowRowState.InSync, f.TableId, f.Priority,
            Core.Control.FlowText.Match(f.Match), Core.Control.FlowText.Actions(f.Actions), Hex(f.Cookie),
            f.PacketCount, f.ByteCount, f.Duration.TotalSeconds, f.IdleTimeoutSeconds, f.HardTimeoutSeconds)).ToList();
        rows.AddRange(view.IntendedButMissing.Select(f => new FlowRow(
            FlowRowState.Missing, f.TableId, f.Priority, Core.Control.FlowText.Match(f.Match), Core.Control.FlowText.Actions(f.Actions),
            Hex(f.Cookie), null, null, null, f.IdleTimeoutSeconds, f.HardTimeoutSeconds)));
        return rows.OrderBy(r => r.TableId).ThenByDescending(r => r.Priority).ThenBy(r => r.Match, StringComparer.Ordinal).ToList();
    }

    private static string Hex(ulong cookie) => $"0x{cookie:x}";
}
