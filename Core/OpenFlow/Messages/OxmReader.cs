using System.Buffers.Binary;

namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Walks OXM TLVs without allocating: class, field, has-mask, value and mask spans.</summary>
public ref struct OxmReader(ReadOnlySpan<byte> fields, int baseOffset = 0)
{
    /// <summary>OFPXMC_OPENFLOW_BASIC.</summary>
    public const ushort OpenFlowBasic = 0x8000;

    private readonly ReadOnlySpan<byte> _fields = fields;
    private int _offset;

    public ushort Class { get; private set; }

    public byte Field { get; private set; }

    public bool HasMask { get; private set; }

    /// <summary>The value (first half of the payload when masked).</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    public ReadOnlySpan<byte> Mask { get; private set; }

    /// <summary>Offset of the current TLV in the fields.</summary>
    public int Offset { get; private set; }

    public bool MoveNext()
    {
        if (_offset >= _fields.Length)
        {
            return false;
        }

        if (_fields.Length - _offset < 4)
        {
            throw new OpenFlowException("OXM header cut short", baseOffset + _offset);
        }

        var header = BinaryPrimitives.ReadUInt32BigEndian(_fields[_offset..]);
        var length = (int)(header & 0xFF);
        if (_fields.Length - _offset - 4 < length)
        {
            throw new OpenFlowException($"OXM length {length} runs past the match", baseOffset + _offset);
        }

        Offset = _offset;
        Class = (ushort)(header >> 16);
        Field = (byte)((header >> 9) & 0x7F);
        HasMask = (header & 0x100) != 0;
        var payload = _fields.Slice(_offset + 4, length);
        if (HasMask)
        {
            Value = payload[..(length / 2)];
            Mask = payload[(length / 2)..];
        }
        else
        {
            Value = payload;
            Mask = default;
        }

        _offset += 4 + length;
        return true;
    }
}
