using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary>
/// <c>virTypedParameter</c>: an 80-byte field name, a type tag, an 8-byte union; 96 bytes. The boolean
/// member (type 6) is left out: no stats field the collector reads is a boolean.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal unsafe struct VirTypedParameter
{
    public const int Size = 96;
    public const int FieldLength = 80;

    public const int TypeInt = 1;
    public const int TypeUInt = 2;
    public const int TypeLLong = 3;
    public const int TypeULLong = 4;
    public const int TypeDouble = 5;
    public const int TypeString = 7;

    [FieldOffset(0)]
    public fixed byte Field[FieldLength];

    [FieldOffset(80)]
    public int Type;

    [FieldOffset(88)]
    public int Int;

    [FieldOffset(88)]
    public uint UInt;

    [FieldOffset(88)]
    public long LLong;

    [FieldOffset(88)]
    public ulong ULLong;

    [FieldOffset(88)]
    public double Double;

    [FieldOffset(88)]
    public nint String;
}
