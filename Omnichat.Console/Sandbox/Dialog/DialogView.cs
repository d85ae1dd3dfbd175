using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>What the steps show about the current user, read from the world once per request.</summary>
public sealed record DialogView(
    string AppName,
    SandboxUser User,
    IReadOnlyList<SandboxUser> Users,
    IReadOnlyList<SandboxPage> Pages,
    IReadOnlyList<SandboxBusiness> Businesses,
    SandboxGrant? PreviousGrant,
    IReadOnlyList<SandboxPage> ControlledPages)
{
    public static DialogView Read(WorldState world, string userId)
    {
        var user = world.FindUser(userId) is { IsSystemUser: false } found ? found : world.Users[0];
        return new DialogView(
            world.AppName,
            user,
            [.. world.Users.Where(u => !u.IsSystemUser)],
            [.. world.Pages.Where(p => p.BusinessId is null && p.Roles.ContainsKey(user.Id))],
            [.. world.Businesses.Where(b => b.MemberIds.Contains(user.Id))],
            world.FindGrant(user.Id),
            [.. world.Pages.Where(p => p.Roles.TryGetValue(user.Id, out var tasks) && World.PageTasks.HasFullControl(tasks))]);
    }
}
