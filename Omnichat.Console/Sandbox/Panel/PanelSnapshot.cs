using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Panel;

/// <summary>A copy of the world for the control panel to render, taken under the world's lock.</summary>
public sealed record PanelSnapshot(
    string AppId,
    IReadOnlyList<PanelUser> Users,
    IReadOnlyList<PanelBusiness> Businesses,
    IReadOnlyList<PanelPage> Pages,
    IReadOnlyDictionary<string, string> AppNames,
    FaultSettings Faults,
    DateTimeOffset Now,
    string StateFilePath)
{
    public static PanelSnapshot Take(SandboxWorld world) => world.Read((state, now) =>
    {
        var apps = new Dictionary<string, string> { [state.AppId] = state.AppName };
        foreach (var app in state.OtherApps)
        {
            apps[app.Id] = app.Name;
        }
        var users = state.Users.Where(u => !u.IsSystemUser).Select(u => new PanelUser(u.Id, u.Name, u.TokenState, state.Grants.ContainsKey(u.Id))).ToList();
        var businesses = state.Businesses.Select(b => new PanelBusiness(b.Id, b.Name,
            b.SystemUserId is { } id && state.Grants.ContainsKey(id))).ToList();
        var pages = state.Pages.Select(p => new PanelPage(
            p.Id,
            p.Name,
            p.BusinessId is null ? null : state.FindBusiness(p.BusinessId)?.Name,
            p.Roles.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)[.. r.Value]),
            p.ReceiverAppId,
            [.. p.SubscribedApps.Keys])).ToList();
        return new PanelSnapshot(state.AppId, users, businesses, pages, apps, state.Faults, now, world.StateFilePath);
    });

    public string UserName(string userId) => Users.FirstOrDefault(u => u.Id == userId)?.Name ?? userId;

    public string AppName(string appId) => AppNames.GetValueOrDefault(appId, appId);
}
