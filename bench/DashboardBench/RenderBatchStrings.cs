using System.Buffers.Binary;
using System.Text;

namespace SdnDashboard.Bench.Dashboard;

/// <summary>
/// The strings of one Blazor Server render batch: the text a diff puts on the page is in the batch's string table.
/// Layout, as blazor.web.js reads it: the batch ends with five little-endian int32 offsets, the last the start of the
/// string table; the table holds one int32 position per string (or -1 for null) up to those five offsets, and each
/// position points at a LEB128 byte count followed by that many bytes of UTF-8.
/// </summary>
internal static class RenderBatchStrings
{
    private const int TrailerBytes = 5 * sizeof(int);

    /// <summary>Every non-null string of the batch, in table order.</summary>
    /// <exception cref="InvalidDataException">The batch is cut short or points outside itself; the message names the offset.</exception>
    public static List<string> Read(ReadOnlySpan<byte> batch)
    {
        if (batch.Length < TrailerBytes)
        {
            throw new InvalidDataException($"render batch of {batch.Length} bytes is shorter than its {TrailerBytes}-byte trailer");
        }

        var tableEnd = batch.Length - TrailerBytes;
        var tableStart = BinaryPrimitives.ReadInt32LittleEndian(batch[^sizeof(int)..]);
        if (tableStart < 0 || tableStart > tableEnd || (tableEnd - tableStart) % sizeof(int) != 0)
        {
            throw new InvalidDataException($"render batch string table starts at {tableStart}, outside 0..{tableEnd} (offset {batch.Length - sizeof(int)})");
        }

        var strings = new List<string>((tableEnd - tableStart) / sizeof(int));
        for (var entry = tableStart; entry < tableEnd; entry += sizeof(int))
        {
            var at = BinaryPrimitives.ReadInt32LittleEndian(batch[entry..]);
            if (at == -1)
            {
                continue;
            }

            if (at < 0 || at >= tableStart)
            {
                throw new InvalidDataException($"render batch string at {at} lies outside the string data (offset {entry})");
            }

            var length = 0;
            var shift = 0;
            var position = at;
            byte b;
            do
            {
                if (position >= tableStart || shift > 28)
                {
                    throw new InvalidDataException($"render batch string length runs past the string data (offset {at})");
                }

                b = batch[position++];
                length |= (b & 0x7f) << shift;
                shift += 7;
            }
            while (b >= 0x80);

            if (length > tableStart - position)
            {
                throw new InvalidDataException($"render batch string of {length} bytes runs past the string data (offset {at})");
            }

            strings.Add(Encoding.UTF8.GetString(batch.Slice(position, length)));
        }

        return strings;
    }
}
