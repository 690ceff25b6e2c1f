namespace SdnDashboard.Collectors.Capture;

/// <summary>The file is not a pcap or pcapng capture this reader understands, or is cut short.</summary>
public sealed class CaptureFormatException : Exception
{
    public CaptureFormatException()
    {
    }

    public CaptureFormatException(string message)
        : base(message)
    {
    }

    public CaptureFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
