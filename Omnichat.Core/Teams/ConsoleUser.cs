using Microsoft.AspNetCore.Identity;

namespace Omnichat.Core.Teams;

/// <summary>A person who signs in to the console. Team members have a team; support staff have none.</summary>
public sealed class ConsoleUser : IdentityUser
{
    public Guid? TeamId { get; set; }
    public Team? Team { get; set; }
    public string DisplayName { get; set; } = "";
}
