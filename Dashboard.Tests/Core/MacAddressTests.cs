using SdnDashboard.Core.Net;

namespace SdnDashboard.Tests.Core;

public class MacAddressTests
{
    [Theory]
    [InlineData("52:54:00:00:01:01", 0x5254_0000_0101UL)]
    [InlineData("FF-FF-FF-FF-FF-FF", 0xFFFF_FFFF_FFFFUL)]
    public void Parse_ValidText_GivesValueAndLowerCaseColonForm(string text, ulong value)
    {
        var mac = MacAddress.Parse(text);
        Assert.Equal(value, mac.Value);
        Assert.Equal(text.ToLowerInvariant().Replace('-', ':'), mac.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("52:54:00:00:01")]
    [InlineData("52:54:00:00:01:0g")]
    [InlineData("52.54.00.00.01.01")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(MacAddress.TryParse(text, null, out _));

    [Fact]
    public void ReadWrite_RoundTripsNetworkOrder()
    {
        byte[] bytes = [0x52, 0x54, 0x00, 0xab, 0xcd, 0xef];
        var mac = MacAddress.Read(bytes);
        Assert.Equal("52:54:00:ab:cd:ef", mac.ToString());
        var back = new byte[6];
        mac.Write(back);
        Assert.Equal(bytes, back);
    }
}
