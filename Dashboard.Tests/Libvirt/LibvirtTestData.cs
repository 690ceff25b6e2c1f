namespace SdnDashboard.Tests.Libvirt;

/// <summary>The node files under TestData/libvirt and throw-away copies of them.</summary>
internal static class LibvirtTestData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "libvirt", file);

    public static string UriOf(string file) => "test://" + PathOf(file);

    /// <summary>A private copy a test may remove, rewrite and restore; deleted with its folder on dispose.</summary>
    public static TempNodeFile Copy(string file) => new(PathOf(file));
}
