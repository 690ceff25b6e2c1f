using System.Xml;
using System.Xml.Linq;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>Reads interfaces, disks and <c>&lt;nova:instance&gt;</c> metadata from a domain's XML.</summary>
internal static class DomainXmlParser
{
    /// <summary>Nova's metadata namespace without its version (1.0, 1.1, 1.2 are all in use).</summary>
    private const string NovaNamespacePrefix = "http://openstack.org/xmlns/libvirt/nova/";

    /// <exception cref="XmlException">The XML is not well-formed.</exception>
    public static DomainXmlInfo Parse(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new XmlException("domain XML has no root element");
        var devices = root.Element("devices");
        var interfaces = new List<DomainXmlInterface>();
        var disks = new List<DomainXmlDisk>();
        if (devices is not null)
        {
            foreach (var nic in devices.Elements("interface"))
            {
                var mac = (string?)nic.Element("mac")?.Attribute("address");
                if (mac is null)
                {
                    continue;
                }

                var source = nic.Element("source");
                interfaces.Add(new DomainXmlInterface(
                    (string?)nic.Element("target")?.Attribute("dev"),
                    mac.ToLowerInvariant(),
                    (string?)source?.Attribute("bridge"),
                    (string?)source?.Attribute("network")));
            }

            foreach (var disk in devices.Elements("disk"))
            {
                var device = (string?)disk.Attribute("device") ?? "disk";
                var target = (string?)disk.Element("target")?.Attribute("dev");
                if (device != "disk" || target is null)
                {
                    continue;
                }

                var source = disk.Element("source");
                disks.Add(new DomainXmlDisk(
                    target, (string?)source?.Attribute("file") ?? (string?)source?.Attribute("dev")));
            }
        }

        return new DomainXmlInfo(interfaces, disks, ParseNova(root.Element("metadata")));
    }

    private static NovaInstanceInfo? ParseNova(XElement? metadata)
    {
        var instance = metadata?.Elements().FirstOrDefault(e =>
            e.Name.LocalName == "instance" && e.Name.NamespaceName.StartsWith(NovaNamespacePrefix, StringComparison.Ordinal));
        if (instance is null)
        {
            return null;
        }

        var ns = instance.Name.Namespace;
        var owner = instance.Element(ns + "owner");
        var user = owner?.Element(ns + "user");
        var project = owner?.Element(ns + "project");
        return new NovaInstanceInfo
        {
            InstanceName = Trimmed(instance.Element(ns + "name")?.Value),
            Flavor = (string?)instance.Element(ns + "flavor")?.Attribute("name"),
            ProjectName = Trimmed(project?.Value),
            ProjectId = (string?)project?.Attribute("uuid"),
            UserName = Trimmed(user?.Value),
            UserId = (string?)user?.Attribute("uuid"),
        };
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
