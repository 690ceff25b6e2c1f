namespace SdnDashboard.Core.OpenFlow;

/// <summary>The wire versions this controller speaks, and version negotiation (OpenFlow 1.3.5 §6.3.1).</summary>
public static class OfVersion
{
    public const byte V10 = 0x01;
    public const byte V13 = 0x04;

    /// <summary>Bit <c>n</c> set = version <c>n</c> supported, as in the hello version bitmap element.</summary>
    public const uint SupportedBitmap = (1u << V10) | (1u << V13);

    public static bool IsSupported(byte version) => version is V10 or V13;

    /// <summary>
    /// The version to speak with a peer whose hello carried <paramref name="peerVersion"/> and, when present,
    /// a version bitmap. Returns 0 when there is none in common.
    /// </summary>
    public static byte Negotiate(byte peerVersion, uint? peerBitmap)
    {
        if (peerBitmap is { } bitmap)
        {
            var common = bitmap & SupportedBitmap;
            return common == 0 ? (byte)0 : (byte)(31 - uint.LeadingZeroCount(common));
        }

        var candidate = Math.Min(peerVersion, V13);
        return IsSupported(candidate) ? candidate : (byte)0;
    }

    public static string Name(byte version) => version switch
    {
        V10 => "OpenFlow 1.0",
        V13 => "OpenFlow 1.3",
        _ => $"OpenFlow wire version {version}",
    };
}
