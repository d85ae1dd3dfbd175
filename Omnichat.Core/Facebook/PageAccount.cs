using System.Text;

namespace Omnichat.Core.Facebook;

/// <summary>A page from <c>GET /me/accounts</c>, with that page's token. Compare <see cref="Tasks"/> as a set: Meta's order is not stable.</summary>
public sealed record PageAccount(
    string Id,
    string Name,
    string? AccessToken,
    IReadOnlyList<string> Tasks,
    string? PictureUrl)
{
    // Records print every property; a page token must never reach a log through ToString().
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Name = ").Append(Name)
            .Append(", AccessToken = ").Append(AccessToken is null ? "" : "[redacted]")
            .Append(", Tasks = [").AppendJoin(", ", Tasks).Append(']');
        return true;
    }
}
