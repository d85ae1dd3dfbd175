using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;
using CoreConsentService = Omnichat.Core.Channels.ConsentService;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// Puts N healthy connections in a fresh console: the pages through the sandbox's bulk route, the consent through the
/// sandbox's authorize API and Core's <see cref="CoreConsentService"/> (me/accounts paged over HTTP), then the
/// connections in one EF batch from the authorized pages, because connecting pages one by one is not what is measured.
/// </summary>
public sealed class BenchmarkWorld(BenchmarkHost host)
{
    /// <summary>The sandbox user who administers the benchmark's pages, and nothing else.</summary>
    public const string OwnerId = "780179000000001";

    public async Task<SetUpReport> CreateAsync(int connections, CancellationToken cancellationToken)
    {
        using var http = host.CreateHttpClient();
        var total = Stopwatch.StartNew();

        var step = Stopwatch.StartNew();
        using (var bulk = await http.PostAsJsonAsync("sandbox/api/pages/bulk",
            new { count = connections, userId = OwnerId, userName = "Benchmark Owner", subscribed = true }, cancellationToken))
        {
            await EnsureAsync(bulk, "POST /sandbox/api/pages/bulk", cancellationToken);
        }
        var pagesTime = step.Elapsed;

        step.Restart();
        var requestsBefore = host.GraphRequests.Count;
        var caller = await TeamAdminAsync(cancellationToken);
        var consent = await ConsentAsync(http, caller, cancellationToken);
        if (!consent.Succeeded || consent.AuthorizedPageCount != connections)
        {
            throw new BenchmarkException($"consent gave {consent.Kind} with {consent.AuthorizedPageCount} pages, expected {connections} ({consent.Error})");
        }
        var consentTime = step.Elapsed;
        var consentRequests = (int)(host.GraphRequests.Count - requestsBefore);

        step.Restart();
        var inserted = await InsertConnectionsAsync(caller, cancellationToken);
        if (inserted != connections)
        {
            throw new BenchmarkException($"inserted {inserted} connections, expected {connections}");
        }
        return new SetUpReport(connections, pagesTime, consentTime, consentRequests, step.Elapsed, total.Elapsed);
    }

    public async Task SetLatencyAsync(int latencyMs, CancellationToken cancellationToken)
    {
        using var http = host.CreateHttpClient();
        using var response = await http.PutAsJsonAsync("sandbox/api/faults", new { latencyMs }, cancellationToken);
        await EnsureAsync(response, "PUT /sandbox/api/faults", cancellationToken);
    }

    private async Task<Caller> TeamAdminAsync(CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var user = await users.FindByEmailAsync(DemoAccounts.Admin.Email)
            ?? throw new BenchmarkException($"the demo account {DemoAccounts.Admin.Email} was not seeded");
        cancellationToken.ThrowIfCancellationRequested();
        return new Caller(user.Id, user.DisplayName, user.TeamId, IsTeamAdmin: true, IsSupport: false);
    }

    // The same round trip as a browser: the console opens the dialog, the user finishes it ("all" pages), the
    // console handles the redirect, exchanging the code and reading me/accounts 25 pages at a time.
    private async Task<ConsentOutcome> ConsentAsync(HttpClient http, Caller caller, CancellationToken cancellationToken)
    {
        var consent = host.Services.GetRequiredService<CoreConsentService>();
        var redirectUri = new Uri(host.BaseAddress, "facebook/oauth/callback").ToString();
        var dialog = await consent.BeginAsync(caller, OAuthPurpose.Connect, null, redirectUri, cancellationToken)
            ?? throw new BenchmarkException("the console refused to open the consent dialog");
        var query = QueryHelpers.ParseQuery(dialog.Query);

        using var authorize = await http.PostAsJsonAsync("sandbox/api/oauth/authorize", new
        {
            userId = OwnerId,
            clientId = query["client_id"].ToString(),
            redirectUri = query["redirect_uri"].ToString(),
            state = query["state"].ToString(),
            pages = "all",
            businesses = "all",
        }, cancellationToken);
        await EnsureAsync(authorize, "POST /sandbox/api/oauth/authorize", cancellationToken);
        var body = await authorize.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var back = QueryHelpers.ParseQuery(new Uri(body.GetProperty("redirectUrl").GetString()!).Query);
        var callback = new ConsentCallback(back["code"].ToString(), back["state"].ToString(), null, null);
        return await consent.CompleteAsync(caller, callback, cancellationToken);
    }

    private async Task<int> InsertConnectionsAsync(Caller caller, CancellationToken cancellationToken)
    {
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pages = await db.AuthorizedPages.AsNoTracking().Include(p => p.Grant)
            .Where(p => p.TeamId == caller.TeamId && p.IsGranted && p.Grant!.FacebookUserId == OwnerId)
            .ToListAsync(cancellationToken);
        db.PageConnections.AddRange(pages.Select(page => new PageConnection
        {
            TeamId = page.TeamId,
            PageId = page.PageId,
            PageName = page.Name,
            GrantId = page.GrantId,
            FacebookUserId = page.Grant!.FacebookUserId,
            FacebookUserName = page.Grant.FacebookUserName,
            ProtectedPageToken = page.ProtectedPageToken,
            Status = ConnectionStatus.Healthy,
            StatusChangedAt = now,
            ConnectedAt = now,
            ConnectedByUserId = caller.UserId,
            ConnectedByName = caller.DisplayName,
        }));
        return await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new BenchmarkException($"{what} answered {(int)response.StatusCode}: {text}");
        }
    }
}
