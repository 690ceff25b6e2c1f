namespace SdnDashboard.Core.Control;

/// <summary>
/// Reserved port numbers, OpenFlow 1.3 values. OpenFlow 1.0 uses the same values in 16 bits
/// (0xfff8 and up); the 1.0 codec translates.
/// </summary>
public static class OfPorts
{
    public const uint Max = 0xFFFFFF00;
    public const uint InPort = 0xFFFFFFF8;
    public const uint Table = 0xFFFFFFF9;
    public const uint Normal = 0xFFFFFFFA;
    public const uint Flood = 0xFFFFFFFB;
    public const uint All = 0xFFFFFFFC;
    public const uint Controller = 0xFFFFFFFD;
    public const uint Local = 0xFFFFFFFE;
    public const uint Any = 0xFFFFFFFF;

    /// <summary>"No buffer": the packet-in carries the whole packet.</summary>
    public const uint NoBuffer = 0xFFFFFFFF;
}
