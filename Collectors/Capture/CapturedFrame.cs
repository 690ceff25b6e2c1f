namespace SdnDashboard.Collectors.Capture;

/// <summary>One frame of a capture file.</summary>
/// <param name="Number">1-based position in the file, as Wireshark numbers frames.</param>
/// <param name="LinkType">The LINKTYPE_ value of the interface it was captured on.</param>
/// <param name="Timestamp">Capture time.</param>
/// <param name="Data">The captured bytes.</param>
public readonly record struct CapturedFrame(int Number, int LinkType, DateTimeOffset Timestamp, ReadOnlyMemory<byte> Data);
