using System.Text.Json;
using System.Text.Json.Serialization;
using SdnDashboard.Core.Packets;

namespace SdnDashboard.Collectors.Sflow;

/// <summary>Writes an <see cref="IpAddressValue"/> in its usual text form (empty string for none).</summary>
public sealed class IpAddressValueJsonConverter : JsonConverter<IpAddressValue>
{
    public override IpAddressValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return string.IsNullOrEmpty(text) ? default : IpAddressValue.Parse(text);
    }

    public override void Write(Utf8JsonWriter writer, IpAddressValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
