using System.Diagnostics;

namespace SdnDashboard.Tests.Libvirt;

/// <summary>
/// The 1,000-domain node file, written once per test run by the repository's own generator
/// (TestData/libvirt/generate-domains.py) into the test output folder, so the script is what is tested.
/// </summary>
internal static class ScaleNodeFile
{
    private static readonly Lazy<string> Thousand = new(() => Generate(1000));

    public static string ThousandDomainsUri => "test://" + Thousand.Value;

    private static string Generate(int count)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "libvirt", "generated");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"domains-{count}.xml");
        var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add(LibvirtTestData.PathOf("generate-domains.py"));
        start.ArgumentList.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(path);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? path : throw new InvalidOperationException($"generate-domains.py failed: {error}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("python3 is missing: it runs TestData/libvirt/generate-domains.py (./test.sh installs it)", ex);
        }
    }
}
