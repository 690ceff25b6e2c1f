namespace SdnDashboard.Core.Sflow;

/// <summary>The one exception sFlow decoding raises: the datagram is malformed at <see cref="Offset"/>.</summary>
public sealed class SflowFormatException : FormatException
{
    public SflowFormatException()
    {
    }

    public SflowFormatException(string message)
        : base(message)
    {
    }

    public SflowFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SflowFormatException(int offset, string reason)
        : base($"malformed sFlow datagram at byte {offset}: {reason}")
    {
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The byte offset from the start of the datagram where decoding stopped.</summary>
    public int Offset { get; }

    /// <summary>What was wrong, without the offset.</summary>
    public string Reason { get; } = string.Empty;
}
