namespace SdnDashboard.Core.Sflow;

/// <summary>Port name record, format 0:1005 (Open vSwitch sends the interface name).</summary>
public sealed record SflowPortNameCounters : SflowCounterRecord
{
    public string Name { get; init; } = string.Empty;

    protected override string RecordName => "portName";

    protected override SflowDataFormat DataFormat => SflowDataFormat.PortName;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(Name);
    }

    internal static SflowPortNameCounters ReadBody(ref SflowReader r) => new()
    {
        Name = r.ReadString(),
    };
}
