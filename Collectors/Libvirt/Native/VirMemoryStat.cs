using System.Runtime.InteropServices;

namespace SdnDashboard.Collectors.Libvirt.Native;

/// <summary><c>virDomainMemoryStatStruct</c>: a tag and a value in KiB (for the memory tags).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirMemoryStat
{
    /// <summary><c>VIR_DOMAIN_MEMORY_STAT_UNUSED</c>.</summary>
    public const int TagUnused = 4;

    /// <summary><c>VIR_DOMAIN_MEMORY_STAT_AVAILABLE</c>.</summary>
    public const int TagAvailable = 5;

    /// <summary><c>VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON</c>.</summary>
    public const int TagActualBalloon = 6;

    /// <summary><c>VIR_DOMAIN_MEMORY_STAT_RSS</c>.</summary>
    public const int TagRss = 7;

    /// <summary><c>VIR_DOMAIN_MEMORY_STAT_USABLE</c>.</summary>
    public const int TagUsable = 8;

    /// <summary>Room for every tag libvirt 9 defines (<c>VIR_DOMAIN_MEMORY_STAT_NR</c> is 13); later tags are ignored.</summary>
    public const int Count = 16;

    public int Tag;
    public ulong Value;
}
