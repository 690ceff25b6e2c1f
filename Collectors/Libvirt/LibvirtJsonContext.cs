using System.Text.Json.Serialization;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>Source-generated JSON for the <c>libvirt snapshot</c> verb, named like the bus contracts.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(LibvirtSnapshot))]
internal sealed partial class LibvirtJsonContext : JsonSerializerContext;
