using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>
/// Drives the connection flows through the real Core services of a running console, while every Graph call and
/// the consent dialog go over HTTP to its sandbox.
/// </summary>
public sealed class ConsentDriver(ConsoleServer server) : IDisposable
{
    private readonly HttpClient http = server.CreateHttpClient();

    public SandboxControl Sandbox => new(http);

    public string RedirectUri => new Uri(server.BaseAddress, "facebook/oauth/callback").ToString();

    public T Service<T>() where T : notnull => server.Services.GetRequiredService<T>();

    public async Task<Caller> CallerAsync(string email)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no user {email}");
        var roles = await users.GetRolesAsync(user);
        return new Caller(user.Id, user.DisplayName, user.TeamId, roles.Contains(Roles.TeamAdmin), roles.Contains(Roles.Support));
    }

    /// <summary>Opens the dialog for <paramref name="caller"/> and returns its URL's query (client_id, state, ...).</summary>
    public async Task<Dictionary<string, string>> BeginAsync(Caller caller, OAuthPurpose purpose, Guid? connectionId = null)
    {
        var dialog = await Service<ConsentService>().BeginAsync(caller, purpose, connectionId, RedirectUri, CancellationToken.None)
            ?? throw new InvalidOperationException("the console refused to open the dialog");
        return QueryHelpers.ParseQuery(dialog.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>The Facebook user finishes the dialog; returns the callback query the browser would bring back.</summary>
    public async Task<ConsentCallback> AuthorizeAsync(Dictionary<string, string> dialog, string facebookUserId, object pages,
        object? businesses = null, IReadOnlyList<string>? declinedScopes = null)
    {
        var redirect = await Sandbox.AuthorizeAsync(facebookUserId, dialog["client_id"], dialog["redirect_uri"], dialog["state"], pages, businesses, declinedScopes);
        var back = QueryHelpers.ParseQuery(redirect.Query);
        return new ConsentCallback(back.GetValueOrDefault("code").ToString(), back.GetValueOrDefault("state").ToString(), null, null);
    }

    /// <summary>
    /// 以企業系統使用者授權: <paramref name="personId"/> installs the app for <paramref name="businessId"/> in the dialog of
    /// the system-user configuration and gives its system user <paramref name="pages"/>; the console gets the system user's token.
    /// </summary>
    public async Task<ConsentOutcome> SystemUserConsentAsync(Caller caller, string personId, string businessId, object pages)
    {
        var dialog = await BeginAsync(caller, OAuthPurpose.ConnectSystemUser);
        var redirect = await Sandbox.AuthorizeAsync(personId, dialog["client_id"], dialog["redirect_uri"], dialog["state"], pages,
            configId: dialog["config_id"], businessId: businessId);
        var back = QueryHelpers.ParseQuery(redirect.Query);
        return await CompleteAsync(caller, new ConsentCallback(back.GetValueOrDefault("code").ToString(), back.GetValueOrDefault("state").ToString(), null, null));
    }

    public Task<ConsentOutcome> CompleteAsync(Caller caller, ConsentCallback callback) =>
        Service<ConsentService>().CompleteAsync(caller, callback, CancellationToken.None);

    /// <summary>The whole round trip: open the dialog, consent as the Facebook user, come back.</summary>
    public async Task<ConsentOutcome> ConsentAsync(Caller caller, string facebookUserId, object pages,
        OAuthPurpose purpose = OAuthPurpose.Connect, Guid? connectionId = null, object? businesses = null, IReadOnlyList<string>? declinedScopes = null)
    {
        var dialog = await BeginAsync(caller, purpose, connectionId);
        var callback = await AuthorizeAsync(dialog, facebookUserId, pages, businesses, declinedScopes);
        return await CompleteAsync(caller, callback);
    }

    public Task<FacebookChannelOverview> OverviewAsync(Caller caller) =>
        Service<ChannelOverviewService>().GetAsync(caller, CancellationToken.None);

    public Task<IReadOnlyList<ConnectPageResult>> ConnectAsync(Caller caller, params string[] pageIds) =>
        Service<ConnectionService>().ConnectAsync(caller, pageIds, null, CancellationToken.None);

    public Task<DisconnectOutcome> DisconnectAsync(Caller caller, Guid connectionId) =>
        Service<ConnectionService>().DisconnectAsync(caller, connectionId, CancellationToken.None);

    /// <summary>One check of every connection, as the hourly job runs it.</summary>
    public Task<CheckRunSummary> CheckAllAsync() =>
        Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

    public async Task<OmnichatDbContext> DbAsync() =>
        await Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();

    /// <summary>The page's live connection (a disconnected one of the same page is left out).</summary>
    public async Task<Guid> ConnectionIdAsync(string pageId)
    {
        await using var db = await DbAsync();
        return await db.PageConnections.Where(c => c.PageId == pageId && c.Status != ConnectionStatus.Disconnected).Select(c => c.Id).SingleAsync();
    }

    public void Dispose() => http.Dispose();
}
