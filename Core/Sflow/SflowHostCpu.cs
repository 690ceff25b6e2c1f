namespace SdnDashboard.Core.Sflow;

/// <summary>
/// Host CPU counters, format 0:2003; times in ms. The last three fields were added to the structure
/// after sFlow's host spec (hsflowd sends them); they are null when the agent sends the short form.
/// </summary>
public sealed record SflowHostCpu : SflowCounterRecord
{
    private const int ShortLength = 68;

    public float LoadOne { get; init; }

    public float LoadFive { get; init; }

    public float LoadFifteen { get; init; }

    public uint ProcRun { get; init; }

    public uint ProcTotal { get; init; }

    public uint CpuNum { get; init; }

    public uint CpuSpeed { get; init; }

    public uint Uptime { get; init; }

    public uint CpuUser { get; init; }

    public uint CpuNice { get; init; }

    public uint CpuSystem { get; init; }

    public uint CpuIdle { get; init; }

    public uint CpuWio { get; init; }

    public uint CpuIntr { get; init; }

    public uint CpuSintr { get; init; }

    public uint Interrupts { get; init; }

    public uint Contexts { get; init; }

    public uint? CpuSteal { get; init; }

    public uint? CpuGuest { get; init; }

    public uint? CpuGuestNice { get; init; }

    protected override string RecordName => "hostCpu";

    protected override SflowDataFormat DataFormat => SflowDataFormat.HostCpu;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSingle(LoadOne);
        writer.WriteSingle(LoadFive);
        writer.WriteSingle(LoadFifteen);
        foreach (var v in (ReadOnlySpan<uint>)[ProcRun, ProcTotal, CpuNum, CpuSpeed, Uptime, CpuUser, CpuNice, CpuSystem,
                     CpuIdle, CpuWio, CpuIntr, CpuSintr, Interrupts, Contexts])
        {
            writer.WriteUInt32(v);
        }

        if (CpuSteal.HasValue || CpuGuest.HasValue || CpuGuestNice.HasValue)
        {
            writer.WriteUInt32(CpuSteal ?? 0);
            writer.WriteUInt32(CpuGuest ?? 0);
            writer.WriteUInt32(CpuGuestNice ?? 0);
        }
    }

    internal static SflowHostCpu ReadBody(ref SflowReader r)
    {
        var longForm = r.Remaining >= ShortLength + 12;
        return new SflowHostCpu
        {
            LoadOne = r.ReadSingle(),
            LoadFive = r.ReadSingle(),
            LoadFifteen = r.ReadSingle(),
            ProcRun = r.ReadUInt32(),
            ProcTotal = r.ReadUInt32(),
            CpuNum = r.ReadUInt32(),
            CpuSpeed = r.ReadUInt32(),
            Uptime = r.ReadUInt32(),
            CpuUser = r.ReadUInt32(),
            CpuNice = r.ReadUInt32(),
            CpuSystem = r.ReadUInt32(),
            CpuIdle = r.ReadUInt32(),
            CpuWio = r.ReadUInt32(),
            CpuIntr = r.ReadUInt32(),
            CpuSintr = r.ReadUInt32(),
            Interrupts = r.ReadUInt32(),
            Contexts = r.ReadUInt32(),
            CpuSteal = longForm ? r.ReadUInt32() : null,
            CpuGuest = longForm ? r.ReadUInt32() : null,
            CpuGuestNice = longForm ? r.ReadUInt32() : null,
        };
    }
}
