using System.Runtime.CompilerServices;
using SdnDashboard.Collectors.Libvirt.Native;

namespace SdnDashboard.Tests.Libvirt;

/// <summary>The P/Invoke structs have the sizes libvirt's headers give them on 64-bit Linux.</summary>
public class NativeLayoutTests
{
    [Fact]
    public void Structs_MatchLibvirtHeaderSizes()
    {
        Assert.Equal(VirNodeInfo.Size, Unsafe.SizeOf<VirNodeInfo>());
        Assert.Equal(VirDomainInfo.Size, Unsafe.SizeOf<VirDomainInfo>());
        Assert.Equal(VirTypedParameter.Size, Unsafe.SizeOf<VirTypedParameter>());
        Assert.Equal(24, Unsafe.SizeOf<VirDomainStatsRecord>());
        Assert.Equal(64, Unsafe.SizeOf<VirInterfaceStats>());
        Assert.Equal(40, Unsafe.SizeOf<VirBlockStats>());
        Assert.Equal(24, Unsafe.SizeOf<VirBlockInfo>());
        Assert.Equal(24, Unsafe.SizeOf<VirStorageVolInfo>());
        Assert.Equal(16, Unsafe.SizeOf<VirMemoryStat>());
    }
}
