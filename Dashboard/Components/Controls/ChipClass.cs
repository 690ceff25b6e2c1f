namespace SdnDashboard.Dashboard.Components.Controls;

/// <summary>
/// The classes MudChip renders for a small filled chip, for the plain tables that draw their chips as spans so a row
/// adds no component to a circuit (Nodes, Events, Flow tables).
/// </summary>
public static class ChipClass
{
    private const string SmallFilled = "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-";

    public const string Success = SmallFilled + "success";

    public const string Warning = SmallFilled + "warning";

    public const string Error = SmallFilled + "error";

    public const string Primary = SmallFilled + "primary";

    public const string Default = SmallFilled + "default";
}
