using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;
using Omnichat.Core.Facebook;
using Omnichat.Console.Sandbox.World;
using PageTasks = Omnichat.Console.Sandbox.World.PageTasks;

namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>What finishing or cancelling the consent dialog does; the dialog pages and the control API share it.</summary>
public sealed class ConsentService(SandboxWorld world, SandboxUrls urls, IOptions<FacebookOptions> facebook, IOptions<ConsoleOptions> console,
    ILogger<ConsentService> logger)
{
    /// <summary>Why the dialog must not redirect back (an error page instead), or null when it may.</summary>
    public string? ValidateClient(string? clientId, string? redirectUri, string? requestOrigin = null)
    {
        if (string.IsNullOrEmpty(clientId) || clientId != facebook.Value.AppId)
        {
            return "Invalid App ID: the client_id is not a sandbox app.";
        }
        if (string.IsNullOrEmpty(redirectUri) || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var target))
        {
            return "The redirect_uri is missing or not an absolute URL.";
        }
        // Meta only redirects to URIs listed in the app settings; the sandbox's list is "this console".
        var allowed = new[] { console.Value.PublicUrl, urls.ConsoleBaseUrl, requestOrigin }
            .Where(origin => origin is not null)
            .Any(origin => Uri.TryCreate(origin + "/", UriKind.Absolute, out var root)
                && root.Scheme == target.Scheme
                && string.Equals(root.Host, target.Host, StringComparison.OrdinalIgnoreCase)
                && root.Port == target.Port);
        return allowed ? null : "URL Blocked: This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.";
    }

    /// <summary>The permissions asked for: <c>scope</c> (comma or space separated), else the configuration's.</summary>
    public IReadOnlyList<string> RequestedScopes(string? scope) =>
        string.IsNullOrWhiteSpace(scope)
            ? facebook.Value.Scopes
            : scope.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();

    /// <summary>Records the grant, issues a code and returns where the browser goes: the callback with code and state.</summary>
    public ConsentOutcome Complete(string userId, string redirectUri, string? state, ConsentChoices choices) => world.Update((sandbox, now) =>
    {
        var user = sandbox.FindUser(userId);
        if (user is null || user.IsSystemUser)
        {
            return ConsentOutcome.Failed($"Unknown sandbox user {userId}.", StatusCodes.Status404NotFound);
        }
        var ownPages = sandbox.Pages.Where(p => p.BusinessId is null && p.Roles.ContainsKey(userId)).Select(p => p.Id).ToHashSet();
        var strangerPage = choices.PageIds.FirstOrDefault(id => !ownPages.Contains(id));
        if (strangerPage is not null)
        {
            return ConsentOutcome.Failed($"{user.Name} has no role on page {strangerPage}.", StatusCodes.Status400BadRequest);
        }
        var ownBusinesses = sandbox.Businesses.Where(b => b.MemberIds.Contains(userId)).Select(b => b.Id).ToHashSet();
        var strangerBusiness = choices.BusinessIds.FirstOrDefault(id => !ownBusinesses.Contains(id));
        if (strangerBusiness is not null)
        {
            return ConsentOutcome.Failed($"{user.Name} is not in business {strangerBusiness}.", StatusCodes.Status400BadRequest);
        }

        var declined = choices.DeclinedScopes.Where(choices.RequestedScopes.Contains).Distinct().ToList();
        sandbox.Grants[userId] = new SandboxGrant
        {
            UserId = userId,
            Granted = [.. choices.RequestedScopes.Except(declined).Append("public_profile").Distinct()],
            Declined = declined,
            AllPages = choices.AllPages,
            PageIds = choices.AllPages ? [] : [.. choices.PageIds.Distinct()],
            AllBusinesses = choices.AllBusinesses,
            BusinessIds = choices.AllBusinesses ? [] : [.. choices.BusinessIds.Distinct()],
            GrantedAt = now,
        };
        // The dialog only finishes after the "Confirm your identity" step, which clears a checkpoint.
        if (user.TokenState == TokenState.Checkpoint)
        {
            user.TokenState = TokenState.Valid;
        }

        logger.LogInformation("Sandbox consent finished by user {UserId}: {GrantedCount} permissions granted, {DeclinedCount} declined",
            userId, sandbox.Grants[userId].Granted.Count, declined.Count);
        return RedirectWithCode(sandbox, userId, redirectUri, state, now);
    });

    /// <summary>
    /// The dialog of the system-user configuration: a person with full control of <paramref name="businessId"/>
    /// installs our app for it and gives its system user the pages they fully control (Meta creates one system user per
    /// business and app). The code that comes back is the system user's. The sandbox lets the person hand over any page
    /// they fully control; Meta needs the page in the business's portfolio first.
    /// </summary>
    public ConsentOutcome CompleteSystemUser(string personId, string? businessId, bool allPages, IReadOnlyList<string> pageIds,
        string redirectUri, string? state) => world.Update((sandbox, now) =>
    {
        if (sandbox.FindUser(personId) is not { IsSystemUser: false } person)
        {
            return ConsentOutcome.Failed($"Unknown sandbox person {personId}.", StatusCodes.Status404NotFound);
        }
        if (businessId is null || sandbox.FindBusiness(businessId) is not { } business)
        {
            return ConsentOutcome.Failed($"Unknown business {businessId}: choose the business to connect.", StatusCodes.Status400BadRequest);
        }
        if (!business.MemberIds.Contains(personId))
        {
            return ConsentOutcome.Failed($"{person.Name} has no full control of business {business.Name}.", StatusCodes.Status400BadRequest);
        }
        var controlled = sandbox.Pages.Where(p => p.Roles.TryGetValue(personId, out var tasks) && PageTasks.HasFullControl(tasks)).ToList();
        var chosen = allPages ? controlled : [.. controlled.Where(p => pageIds.Contains(p.Id))];
        if (!allPages && pageIds.FirstOrDefault(id => controlled.All(p => p.Id != id)) is { } stranger)
        {
            return ConsentOutcome.Failed($"{person.Name} has no full control of page {stranger}.", StatusCodes.Status400BadRequest);
        }

        business.SystemUserId ??= DemoWorld.SystemUserIdOf(business.Id);
        if (sandbox.FindUser(business.SystemUserId) is not { } systemUser)
        {
            systemUser = new SandboxUser { Id = business.SystemUserId, Name = $"{business.Name} 系統使用者", SystemUserOfBusinessId = business.Id };
            sandbox.Users.Add(systemUser);
        }
        // Installed again after the business removed our app: new tokens work, the old ones stay dead.
        systemUser.TokenState = TokenState.Valid;
        foreach (var page in sandbox.Pages.Where(p => p.Roles.ContainsKey(systemUser.Id)))
        {
            page.Roles.Remove(systemUser.Id);
        }
        foreach (var page in chosen)
        {
            page.Roles[systemUser.Id] = [.. PageTasks.Admin];
        }
        sandbox.Grants[systemUser.Id] = new SandboxGrant
        {
            UserId = systemUser.Id,
            Granted = [.. DemoWorld.SystemUserScopes, "public_profile"],
            PageIds = [.. chosen.Where(p => p.BusinessId is null).Select(p => p.Id)],
            BusinessIds = [business.Id],
            GrantedAt = now,
        };
        logger.LogInformation("Sandbox system-user consent by user {UserId} for business {BusinessId}: {PageCount} pages",
            personId, business.Id, chosen.Count);
        return RedirectWithCode(sandbox, systemUser.Id, redirectUri, state, now);
    });

    private static ConsentOutcome RedirectWithCode(WorldState sandbox, string userId, string redirectUri, string? state, DateTimeOffset now)
    {
        var code = TokenMinter.NewCode();
        sandbox.Codes[TokenMinter.Hash(code)] = new IssuedCode { Hash = TokenMinter.Hash(code), UserId = userId, RedirectUri = redirectUri, IssuedAt = now };
        var query = new Dictionary<string, string?> { ["code"] = code };
        if (state is not null)
        {
            query["state"] = state;
        }
        // Meta appends the fragment #_=_ to its redirects.
        return ConsentOutcome.Redirect(QueryHelpers.AddQueryString(redirectUri, query) + "#_=_");
    }

    /// <summary>The redirect of a cancelled dialog, with the parameters real redirects carry (§1.2).</summary>
    public static string CancelUrl(string redirectUri, string? state)
    {
        var url = new StringBuilder(redirectUri);
        url.Append(redirectUri.Contains('?') ? '&' : '?');
        url.Append("error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied");
        if (state is not null)
        {
            url.Append("&state=").Append(Uri.EscapeDataString(state));
        }
        return url.Append("#_=_").ToString();
    }
}
