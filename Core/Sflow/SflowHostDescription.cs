namespace SdnDashboard.Core.Sflow;

/// <summary>Host description, format 0:2000.</summary>
public sealed record SflowHostDescription : SflowCounterRecord
{
    public string Hostname { get; init; } = string.Empty;

    public Guid Uuid { get; init; }

    public uint MachineType { get; init; }

    public uint OsName { get; init; }

    public string OsRelease { get; init; } = string.Empty;

    protected override string RecordName => "hostDescr";

    protected override SflowDataFormat DataFormat => SflowDataFormat.HostDescription;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(Hostname);
        Span<byte> uuid = stackalloc byte[16];
        Uuid.TryWriteBytes(uuid, bigEndian: true, out _);
        writer.WriteFixedOpaque(uuid);
        writer.WriteUInt32(MachineType);
        writer.WriteUInt32(OsName);
        writer.WriteString(OsRelease);
    }

    internal static SflowHostDescription ReadBody(ref SflowReader r) => new()
    {
        Hostname = r.ReadString(),
        Uuid = new Guid(r.ReadFixedOpaque(16), bigEndian: true),
        MachineType = r.ReadUInt32(),
        OsName = r.ReadUInt32(),
        OsRelease = r.ReadString(),
    };
}
