using System.Xml;
using SdnDashboard.Collectors.Libvirt;

namespace SdnDashboard.Tests.Libvirt;

public class DomainXmlParserTests
{
    private const string LiveNovaDomain = """
        <domain type='kvm' id='7'>
          <name>instance-0000002a</name>
          <metadata>
            <nova:instance xmlns:nova="http://openstack.org/xmlns/libvirt/nova/1.2">
              <nova:name> web-7 </nova:name>
              <nova:flavor name="m1.small"><nova:vcpus>1</nova:vcpus></nova:flavor>
              <nova:owner>
                <nova:user uuid="u-1">alice</nova:user>
                <nova:project uuid="p-1">demo</nova:project>
              </nova:owner>
            </nova:instance>
          </metadata>
          <devices>
            <disk type='file' device='cdrom'><target dev='hdc'/></disk>
            <disk type='block' device='disk'><source dev='/dev/vg/vol7'/><target dev='vda'/></disk>
            <interface type='bridge'>
              <mac address='FA:16:3E:12:34:56'/>
              <source bridge='br-int'/>
              <virtualport type='openvswitch'/>
              <target dev='tap1a2b3c4d-5e'/>
            </interface>
            <interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='default'/></interface>
          </devices>
        </domain>
        """;

    [Fact]
    public void Parse_NovaInstance_ReadsNamesFlavorProjectAndUserWhateverTheVersion()
    {
        var nova = DomainXmlParser.Parse(LiveNovaDomain).Nova;

        Assert.NotNull(nova);
        Assert.Equal("web-7", nova.InstanceName);
        Assert.Equal("m1.small", nova.Flavor);
        Assert.Equal("demo", nova.ProjectName);
        Assert.Equal("p-1", nova.ProjectId);
        Assert.Equal("alice", nova.UserName);
        Assert.Equal("u-1", nova.UserId);
    }

    [Fact]
    public void Parse_Devices_KeepsDisksOnlyAndLowerCasesMacs()
    {
        var info = DomainXmlParser.Parse(LiveNovaDomain);

        var disk = Assert.Single(info.Disks);
        Assert.Equal(new DomainXmlDisk("vda", "/dev/vg/vol7"), disk);
        Assert.Equal(
            [new DomainXmlInterface("tap1a2b3c4d-5e", "fa:16:3e:12:34:56", "br-int", null),
             new DomainXmlInterface(null, "52:54:00:aa:bb:cc", null, "default")],
            info.Interfaces);
    }

    [Fact]
    public void Parse_NoMetadata_HasNoNova() =>
        Assert.Null(DomainXmlParser.Parse("<domain><name>x</name><metadata><a:b xmlns:a='urn:x'/></metadata></domain>").Nova);

    [Fact]
    public void Parse_Malformed_ThrowsXmlException() => Assert.ThrowsAny<XmlException>(() => DomainXmlParser.Parse("<domain><name>"));
}
