namespace SdnDashboard.Tests.OpenFlow;

/// <summary>Byte-for-byte comparison that names the first differing offset.</summary>
internal static class WireAssert
{
    public static void SameBytes(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string what = "message")
    {
        var common = Math.Min(expected.Length, actual.Length);
        for (var i = 0; i < common; i++)
        {
            if (expected[i] != actual[i])
            {
                Assert.Fail($"{what}: first difference at offset {i}: expected 0x{expected[i]:x2}, got 0x{actual[i]:x2} "
                    + $"(expected {Convert.ToHexString(expected.Slice(i, Math.Min(16, expected.Length - i)))}..., "
                    + $"got {Convert.ToHexString(actual.Slice(i, Math.Min(16, actual.Length - i)))}...)");
            }
        }

        if (expected.Length != actual.Length)
        {
            Assert.Fail($"{what}: lengths differ from offset {common}: expected {expected.Length} bytes, got {actual.Length}");
        }
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
