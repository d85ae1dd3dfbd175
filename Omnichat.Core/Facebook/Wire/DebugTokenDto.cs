using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

internal sealed record DebugTokenDto
{
    public DebugTokenDataDto? Data { get; init; }
}

internal sealed record DebugTokenDataDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? AppId { get; init; }
    public string? Type { get; init; }
    public bool IsValid { get; init; }
    public long? ExpiresAt { get; init; }
    public long? DataAccessExpiresAt { get; init; }
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ProfileId { get; init; }
    [JsonConverter(typeof(LenientStringConverter))]
    public string? UserId { get; init; }
    public List<string>? Scopes { get; init; }
    public List<GranularScopeDto>? GranularScopes { get; init; }
    public ErrorDto? Error { get; init; }
}

internal sealed record GranularScopeDto
{
    public string? Scope { get; init; }
    [JsonConverter(typeof(LenientStringListConverter))]
    public List<string>? TargetIds { get; init; }
}
