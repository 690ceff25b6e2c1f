namespace SdnDashboard.Core.Control.Frames;

/// <summary>A frame handed to the controller is malformed; <see cref="Offset"/> is where reading failed.</summary>
public sealed class FrameFormatException : Exception
{
    public FrameFormatException()
    {
    }

    public FrameFormatException(string message)
        : base(message)
    {
    }

    public FrameFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FrameFormatException(int offset, string message)
        : base($"{message} (at byte {offset})")
    {
        Offset = offset;
    }

    /// <summary>Byte offset from the start of the Ethernet header where the problem was found.</summary>
    public int Offset { get; }
}
