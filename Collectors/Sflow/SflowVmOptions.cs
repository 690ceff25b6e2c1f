namespace SdnDashboard.Collectors.Sflow;

/// <summary>One VM of <c>Sflow:Vms</c>: its name and the MAC of its vNIC.</summary>
public sealed class SflowVmOptions
{
    public string Name { get; set; } = string.Empty;

    public string Mac { get; set; } = string.Empty;
}
