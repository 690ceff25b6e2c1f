using SdnDashboard.Collectors.Libvirt;

namespace SdnDashboard.Tests.Libvirt;

public class LibvirtOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(new LibvirtOptionsValidator().Validate(null, new LibvirtOptions()).Succeeded);

    [Theory]
    [InlineData("PollIntervalSeconds", "Libvirt:PollIntervalSeconds is 0; allowed 0.1 to 3600.")]
    [InlineData("TtlPolls", "Libvirt:TtlPolls is 1; allowed 2 to 100.")]
    [InlineData("Uris", "Libvirt:Uris:0 is 'system'; expected a libvirt URI")]
    [InlineData("ReconnectMaxSeconds", "Libvirt:ReconnectMaxSeconds is 0.5; allowed Libvirt:ReconnectInitialSeconds (1) to 3600.")]
    [InlineData("HostNames", "Libvirt:HostNames:0:Uri is 'qemu:///other', which is not one of Libvirt:Uris.")]
    public void Validate_BadSetting_NamesTheKey(string setting, string message)
    {
        var options = new LibvirtOptions();
        switch (setting)
        {
            case "PollIntervalSeconds": options.PollIntervalSeconds = 0; break;
            case "TtlPolls": options.TtlPolls = 1; break;
            case "Uris": options.Uris = ["system"]; break;
            case "ReconnectMaxSeconds": options.ReconnectMaxSeconds = 0.5; break;
            case "HostNames": options.HostNames = [new LibvirtHostName { Uri = "qemu:///other", Name = "x" }]; break;
        }

        var result = new LibvirtOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test:///srv/lab/compute1.xml", true, "/srv/lab/compute1.xml")]
    [InlineData("test:///default", false, "")]
    [InlineData("qemu:///system", false, "")]
    [InlineData("test:///tmp/a%20b.xml", true, "/tmp/a b.xml")]
    public void TryGetTestDriverFile_RecognisesNodeFileUris(string uri, bool expected, string path)
    {
        Assert.Equal(expected, LibvirtUris.TryGetTestDriverFile(uri, out var actual));
        Assert.Equal(path, actual);
    }
}
