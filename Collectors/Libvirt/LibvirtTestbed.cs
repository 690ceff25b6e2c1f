namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// The paper's testbed as libvirt test-driver node files shipped beside the binaries: two compute nodes
/// with three Nova instances each, for a first run without a hypervisor.
/// </summary>
public static class LibvirtTestbed
{
    /// <summary>The node files, relative to the application's base directory.</summary>
    public static readonly IReadOnlyList<string> Files =
        [Path.Combine("Libvirt", "Testbed", "compute1.xml"), Path.Combine("Libvirt", "Testbed", "compute2.xml")];

    /// <summary>The two <c>test:///abs/path</c> URIs of the testbed's node files under <paramref name="baseDirectory"/>.</summary>
    public static IReadOnlyList<string> Uris(string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        return Files.Select(f => "test://" + Path.GetFullPath(Path.Combine(baseDirectory, f))).ToList();
    }
}
