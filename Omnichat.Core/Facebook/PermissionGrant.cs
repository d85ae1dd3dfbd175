namespace Omnichat.Core.Facebook;

/// <summary>One row of <c>GET /me/permissions</c>; <see cref="Status"/> is granted, declined or expired.</summary>
public sealed record PermissionGrant(string Permission, string Status)
{
    public const string Granted = "granted";
    public const string Declined = "declined";
    public const string Expired = "expired";

    public bool IsGranted => string.Equals(Status, Granted, StringComparison.OrdinalIgnoreCase);
}
