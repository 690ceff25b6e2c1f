using System.Buffers.Binary;
using SdnDashboard.Core.OpenFlow;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>Splits a reassembled OpenFlow byte stream into whole messages, asserting the framing holds to the end.</summary>
internal static class CaptureFrames
{
    public static IEnumerable<(int Offset, ReadOnlyMemory<byte> Frame)> Split(byte[] stream)
    {
        var p = 0;
        while (p + OfHeader.Size <= stream.Length)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(stream.AsSpan(p + 2));
            Assert.True(length >= OfHeader.Size && p + length <= stream.Length, $"bad framing at stream offset {p}");
            yield return (p, stream.AsMemory(p, length));
            p += length;
        }

        Assert.Equal(stream.Length, p);
    }
}
