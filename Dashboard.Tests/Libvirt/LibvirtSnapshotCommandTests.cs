using System.Diagnostics;
using System.Text.Json;
using SdnDashboard.Collectors.Libvirt;

namespace SdnDashboard.Tests.Libvirt;

/// <summary><c>libvirt snapshot</c>, in-process and as the real collector binary.</summary>
public class LibvirtSnapshotCommandTests
{
    [Fact]
    public async Task Snapshot_TwoUris_PrintsHostsAndVmsWithTheDocumentedFields()
    {
        var uris = new[] { LibvirtTestData.UriOf("nova.xml"), LibvirtTestData.UriOf("compute2.xml") };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await LibvirtSnapshotCommand.RunAsync(["snapshot", "--uri", uris[0], "--uri", uris[1]], output, error, TimeProvider.System);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(["nova", "compute2"], json.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("host").GetString()));
        var vms = json.RootElement.GetProperty("vms").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        Assert.Equal(6, vms.Count);
        foreach (var vm in vms.Values)
        {
            foreach (var field in new[] { "uuid", "state", "vcpus", "memoryKiB", "cpuTimeNs", "interfaces", "disks" })
            {
                Assert.True(vm.TryGetProperty(field, out _), $"vm {vm.GetProperty("name")} has {field}");
            }
        }

        var web = vms["instance-00000001"];
        var nic = web.GetProperty("interfaces")[0];
        Assert.Equal("52:54:00:00:0a:01", nic.GetProperty("mac").GetString());
        Assert.Equal("tap0a010000-01", nic.GetProperty("target").GetString());
        Assert.Equal("br-int", nic.GetProperty("bridge").GetString());
        Assert.True(nic.GetProperty("rxBytes").GetInt64() > 0 && nic.GetProperty("txBytes").GetInt64() > 0);
        var disk = web.GetProperty("disks")[0];
        Assert.Equal("vda", disk.GetProperty("target").GetString());
        Assert.True(disk.GetProperty("readBytes").GetInt64() > 0 && disk.GetProperty("writeBytes").GetInt64() > 0);
        var nova = web.GetProperty("nova");
        Assert.Equal(("web-1", "m1.small", "demo", "5f0a9a3c0b8e4a37a8f1c2d3e4f5a6b7", "admin"),
            (nova.GetProperty("instanceName").GetString(), nova.GetProperty("flavor").GetString(), nova.GetProperty("projectName").GetString(),
             nova.GetProperty("projectId").GetString(), nova.GetProperty("userName").GetString()));
        Assert.False(vms["plain-vm"].TryGetProperty("nova", out _));
        Assert.Equal("paused", vms["vm2-2"].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Snapshot_OneBadUri_ExitsNonZeroWithOneLineNamingItAndLibvirtsMessage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await LibvirtSnapshotCommand.RunAsync(
            ["snapshot", "--uri", LibvirtTestData.UriOf("compute1.xml"), "--uri", "test:///nonexistent/node.xml"], output, error, TimeProvider.System);

        Assert.Equal(1, exit);
        Assert.Equal("", output.ToString());
        Assert.Equal(
            "libvirt snapshot: cannot read test:///nonexistent/node.xml: XML error: failed to parse xml document '/nonexistent/node.xml'",
            error.ToString().TrimEnd());
    }

    [Fact]
    public async Task Snapshot_NoUri_IsAUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await LibvirtSnapshotCommand.RunAsync(["snapshot"], output, error, TimeProvider.System));
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test:///nonexistent/node.xml", "XML error: failed to parse xml document")]
    [InlineData("nosuchdriver:///system", "nosuchdriver:///system: ")]
    public async Task CollectorBinary_RefusedUri_PrintsExactlyOneLineOnStderr(string uri, string expected)
    {
        var (exit, stdout, stderr) = await RunCollectorAsync("libvirt", "snapshot", "--uri", uri);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"libvirt snapshot: cannot read {uri}: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectorBinary_Testbed_PrintsSixVms()
    {
        var uris = LibvirtTestbed.Uris(AppContext.BaseDirectory);

        var (exit, stdout, stderr) = await RunCollectorAsync("libvirt", "snapshot", "--uri", uris[0], "--uri", uris[1]);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(6, json.RootElement.GetProperty("vms").GetArrayLength());
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunCollectorAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SdnDashboard.Collectors.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
