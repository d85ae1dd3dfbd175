namespace Omnichat.Core.Facebook.Wire;

internal sealed record PermissionDto
{
    public string? Permission { get; init; }
    public string? Status { get; init; }
}
