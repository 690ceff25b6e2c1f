using System.Text.Json;
using System.Text.Json.Serialization;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Collectors.Sflow;

/// <summary>Writes a <see cref="MacAddress"/> as its lower-case colon string.</summary>
public sealed class MacAddressJsonConverter : JsonConverter<MacAddress>
{
    public override MacAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        MacAddress.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, MacAddress value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
