using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using SdnDashboard.Dashboard.Hosting;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.Hosting;

/// <summary>
/// The first-run testbed applies only while nothing is configured, and a configured libvirt URI or balancer
/// service replaces all of it: never merged index by index with the built-in defaults.
/// </summary>
public sealed class BuiltInTestbedTests
{
    [Fact]
    public void NothingConfigured_AddsBothComputeNodesAndTheWebService()
    {
        var config = Configure();

        Assert.Equal("true", config[BuiltInTestbed.EnabledKey]);
        Assert.Equal(2, config.GetSection("Libvirt:Uris").GetChildren().Count());
        Assert.Equal("web", config["Balancer:Services:0:Name"]);
        Assert.Equal(4, config.GetSection("Balancer:Services:0:Members").GetChildren().Count());
    }

    [Fact]
    public void AConfiguredServiceWithOneMember_ReplacesTheTestbed_NoBuiltInMemberOrUriLeaksIn()
    {
        var config = Configure(
            ("Balancer:Services:0:Name", "api"), ("Balancer:Services:0:VirtualIp", "10.1.0.100"),
            ("Balancer:Services:0:Members:0:Name", "api-1"), ("Balancer:Services:0:Members:0:Mac", "52:54:00:aa:00:01"),
            ("Balancer:Services:0:Members:0:Ip", "10.1.0.11"));

        Assert.Null(config[BuiltInTestbed.EnabledKey]);
        Assert.Equal("api-1", Assert.Single(config.GetSection("Balancer:Services:0:Members").GetChildren())["Name"]);
        Assert.Empty(config.GetSection("Libvirt:Uris").GetChildren());
    }

    [Fact]
    public void AConfiguredLibvirtUri_ReplacesTheTestbed_IncludingItsService()
    {
        var config = Configure(("Libvirt:Uris:0", "qemu:///system"));

        Assert.Null(config[BuiltInTestbed.EnabledKey]);
        Assert.Equal("qemu:///system", Assert.Single(config.GetSection("Libvirt:Uris").GetChildren()).Value);
        Assert.Empty(config.GetSection("Balancer:Services").GetChildren());
    }

    [Fact]
    public void ShippedAppSettings_HoldNoTestbedDefaults_ThatAConfiguredListWouldMergeWith()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(PublishedDashboardFixture.RepositoryRoot(), "Dashboard", "appsettings.json")));

        Assert.False(settings.RootElement.TryGetProperty("Balancer", out _));
        Assert.False(settings.RootElement.TryGetProperty("Libvirt", out _));
        Assert.False(settings.RootElement.TryGetProperty("Testbed", out _));
    }

    private static IConfiguration Configure(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddBuiltInTestbed();
        return builder.Configuration;
    }
}
