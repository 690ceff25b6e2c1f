using System.Buffers.Binary;
using System.Diagnostics;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;

namespace SdnDashboard.Tests.Sflow;

/// <summary>A million mutations of real datagrams: only <see cref="SflowFormatException"/> may escape.</summary>
public sealed class SflowFuzzTests
{
    private const int Mutations = 1_000_000;

    [Fact]
    public void Decode_AMillionMutatedRealDatagrams_RaisesOnlySflowFormatException()
    {
        var seeds = SflowCodecTests.Datagrams("ovs-lo.pcap")
            .Concat(SflowCodecTests.Datagrams("synthetic.pcap"))
            .Append(SflowDatagramEncoder.Encode(SflowTestDatagrams.EveryRecordType()))
            .ToArray();
        var random = new Random(20261128);
        var buffer = new byte[4096];
        var malformed = 0;
        var decoded = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < Mutations; i++)
        {
            var seed = seeds[random.Next(seeds.Length)];
            var length = Mutate(seed, buffer, random);
            var datagram = buffer.AsSpan(0, length);
            try
            {
                var result = SflowDatagramDecoder.Decode(datagram);
                foreach (var sample in result.Samples)
                {
                    if (sample is SflowFlowSample flow)
                    {
                        foreach (var raw in flow.Records.OfType<SflowRawPacketHeader>())
                        {
                            _ = raw.Parse();
                        }
                    }
                }

                decoded++;
            }
            catch (SflowFormatException ex)
            {
                Assert.InRange(ex.Offset, 0, length);
                malformed++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i} (length {length}) raised {ex.GetType().Name}: {ex.Message}\n{Convert.ToHexString(datagram)}");
            }
        }

        Assert.Equal(Mutations, decoded + malformed);
        Assert.True(malformed > Mutations / 10, $"only {malformed} mutations were malformed; the mutator is too gentle");
        Assert.True(decoded > Mutations / 10, $"only {decoded} mutations decoded; the mutator is too harsh");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void ParseEthernet_RandomBytesOfEveryLength_NeverThrows()
    {
        var random = new Random(7);
        var frame = PacketBuilder.BuildFrame(
            SflowTestDatagrams.Vm1, SflowTestDatagrams.Vm2, IpAddressValue.Parse("fd00::1"), IpAddressValue.Parse("fd00::2"),
            IpProtocols.Tcp, 1, 2, 64, vlanId: 5);
        for (var i = 0; i < 200_000; i++)
        {
            var copy = frame.AsSpan(0, random.Next(frame.Length + 1)).ToArray();
            if (copy.Length > 0)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            var h = PacketHeaderParser.ParseEthernet(copy);
            Assert.True(h.TransportOffset < copy.Length || h.TransportOffset == -1 || h.Has(PacketLayers.Truncated));
            _ = PacketHeaderParser.ParseIp(copy);
        }
    }

    /// <summary>Copies <paramref name="seed"/> into <paramref name="buffer"/> with one to four random edits.</summary>
    private static int Mutate(byte[] seed, byte[] buffer, Random random)
    {
        seed.CopyTo(buffer, 0);
        var length = seed.Length;
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits; e++)
        {
            switch (random.Next(6))
            {
                case 0:
                    buffer[random.Next(length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    buffer[random.Next(length)] = (byte)random.Next(256);
                    break;
                case 2:
                {
                    // Words are where lengths and counts live: set one, aligned, to an edge value.
                    var at = random.Next(length / 4) * 4;
                    uint[] edges = [0, 1, 3, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x8000_0000, (uint)length, (uint)random.Next(2000)];
                    BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(at), edges[random.Next(edges.Length)]);
                    break;
                }

                case 3:
                    length = random.Next(length + 1);
                    break;
                case 4 when length > 4:
                {
                    // Delete four bytes: shifts every later field.
                    var at = random.Next(length - 4);
                    Buffer.BlockCopy(buffer, at + 4, buffer, at, length - at - 4);
                    length -= 4;
                    break;
                }

                default:
                    if (length + 4 < buffer.Length)
                    {
                        var at = random.Next(length);
                        Buffer.BlockCopy(buffer, at, buffer, at + 4, length - at);
                        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(at), (uint)random.Next());
                        length += 4;
                    }

                    break;
            }

            if (length == 0)
            {
                break;
            }
        }

        return length;
    }
}
