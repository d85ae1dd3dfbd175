using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

/// <summary>A top-level JSON array, as a batch answers; kept as elements because each item is parsed on its own.</summary>
[JsonConverter(typeof(JsonArrayDtoConverter))]
internal sealed record JsonArrayDto(IReadOnlyList<JsonElement> Items);
