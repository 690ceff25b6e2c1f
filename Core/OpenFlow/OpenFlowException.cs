namespace SdnDashboard.Core.OpenFlow;

/// <summary>
/// Malformed OpenFlow input: a length that does not fit, a header that cannot be one. Carries the byte offset
/// in the message (or stream) where decoding found the problem. The only exception the codecs throw for bad input.
/// </summary>
public sealed class OpenFlowException : Exception
{
    public OpenFlowException()
    {
    }

    public OpenFlowException(string message)
        : base(message)
    {
    }

    public OpenFlowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OpenFlowException(string message, int offset)
        : base($"{message} (at byte {offset})")
    {
        Offset = offset;
    }

    /// <summary>Byte offset from the start of the message where the problem was found.</summary>
    public int Offset { get; }
}
