using System.Text.Json;

namespace Omnichat.Console.Sandbox.Control;

/// <summary>
/// Body of <c>POST /sandbox/api/oauth/authorize</c>: what a user would pick in the dialog.
/// <c>pages</c> and <c>businesses</c> are "all" or a list of ids.
/// </summary>
public sealed record AuthorizeRequest(
    string? UserId,
    string? ClientId,
    string? RedirectUri,
    string? State,
    JsonElement Pages,
    JsonElement Businesses,
    string[]? DeclinedScopes,
    string[]? Scopes,
    string? ConfigId = null,
    string? BusinessId = null);
