using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
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
    /// <summary>The first sandbox user who administers the benchmark's pages, and nothing else; the next ones count up from it.</summary>
    public const string OwnerId = "780179000000001";

    /// <summary>
    /// Pages per sandbox user: one consent reads me/accounts 25 pages a request and follows at most
    /// <see cref="GraphClient.MaxAccountPages"/> requests (25,000 pages), so larger worlds get more users.
    /// </summary>
    public const int PagesPerOwner = 20_000;

    /// <summary>The first second admin of the benchmark's pages (one per owner), whose tokens are the backups.</summary>
    public const string CoOwnerId = "780179500000001";

    public static IReadOnlyList<string> Owners(int connections) => Numbered(OwnerId, connections);

    public static IReadOnlyList<string> CoOwners(int connections) => Numbered(CoOwnerId, connections);

    private static List<string> Numbered(string first, int connections) =>
        [.. Enumerable.Range(0, (connections + PagesPerOwner - 1) / PagesPerOwner)
            .Select(i => (long.Parse(first, CultureInfo.InvariantCulture) + i).ToString(CultureInfo.InvariantCulture))];

    /// <param name="connections">Pages authorized by the demo team's admin (<see cref="DemoAccounts.Admin"/>).</param>
    /// <param name="connected">How many of them are connected; all when null.</param>
    /// <param name="tokensPerPage">
    /// 2: a second sandbox user administers every page too and consents after the owner, so each connection runs on the
    /// owner's token with the second person's as its backup (issue 16), and the check verifies both.
    /// </param>
    public async Task<SetUpReport> CreateAsync(int connections, CancellationToken cancellationToken, int? connected = null, int tokensPerPage = 1)
    {
        using var http = host.CreateHttpClient();
        var total = Stopwatch.StartNew();

        var owners = Owners(connections);
        var coOwners = tokensPerPage == 2 ? CoOwners(connections) : [];
        var step = Stopwatch.StartNew();
        for (var i = 0; i < owners.Count; i++)
        {
            var count = Math.Min(PagesPerOwner, connections - i * PagesPerOwner);
            using var bulk = await http.PostAsJsonAsync("sandbox/api/pages/bulk", new
            {
                count,
                userId = owners[i],
                userName = $"Benchmark Owner {i + 1}",
                subscribed = true,
                coAdminId = coOwners.ElementAtOrDefault(i),
                coAdminName = $"Benchmark Co-owner {i + 1}",
            }, cancellationToken);
            await EnsureAsync(bulk, "POST /sandbox/api/pages/bulk", cancellationToken);
        }
        var pagesTime = step.Elapsed;

        step.Restart();
        var requestsBefore = host.GraphRequests.Count;
        var caller = await TeamAdminAsync(cancellationToken);
        for (var i = 0; i < owners.Count; i++)
        {
            var expected = Math.Min(PagesPerOwner, connections - i * PagesPerOwner);
            var consent = await ConsentAsync(http, caller, owners[i], cancellationToken);
            if (!consent.Succeeded || consent.AuthorizedPageCount != expected)
            {
                throw new BenchmarkException($"consent of {owners[i]} gave {consent.Kind} with {consent.AuthorizedPageCount} pages, expected {expected} ({consent.Error})");
            }
        }
        var consentTime = step.Elapsed;
        var consentRequests = (int)(host.GraphRequests.Count - requestsBefore);

        step.Restart();
        var wanted = connected ?? connections;
        var inserted = await InsertConnectionsAsync(caller, owners, wanted, cancellationToken);
        if (inserted != wanted)
        {
            throw new BenchmarkException($"inserted {inserted} connections, expected {wanted}");
        }
        var insertTime = step.Elapsed;

        // After the connections exist, as a second admin would: their tokens become every connected page's backup.
        step.Restart();
        requestsBefore = host.GraphRequests.Count;
        for (var i = 0; i < coOwners.Count; i++)
        {
            var expected = Math.Min(PagesPerOwner, wanted - i * PagesPerOwner);
            var consent = await ConsentAsync(http, caller, coOwners[i], cancellationToken);
            if (!consent.Succeeded || consent.BackupPageCount != expected)
            {
                throw new BenchmarkException($"consent of {coOwners[i]} gave {consent.Kind} with {consent.BackupPageCount} backups, expected {expected} ({consent.Error})");
            }
        }
        return new SetUpReport(connections, owners.Count + coOwners.Count, pagesTime, consentTime + step.Elapsed,
            consentRequests + (int)(host.GraphRequests.Count - requestsBefore), insertTime, total.Elapsed);
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
    private async Task<ConsentOutcome> ConsentAsync(HttpClient http, Caller caller, string owner, CancellationToken cancellationToken)
    {
        var consent = host.Services.GetRequiredService<CoreConsentService>();
        var redirectUri = new Uri(host.BaseAddress, "facebook/oauth/callback").ToString();
        var dialog = await consent.BeginAsync(caller, OAuthPurpose.Connect, null, redirectUri, cancellationToken)
            ?? throw new BenchmarkException("the console refused to open the consent dialog");
        var query = QueryHelpers.ParseQuery(dialog.Query);

        using var authorize = await http.PostAsJsonAsync("sandbox/api/oauth/authorize", new
        {
            userId = owner,
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

    private async Task<int> InsertConnectionsAsync(Caller caller, IReadOnlyList<string> owners, int count, CancellationToken cancellationToken)
    {
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pages = await db.AuthorizedPages.AsNoTracking().Include(p => p.Grant)
            .Where(p => p.TeamId == caller.TeamId && p.IsGranted && owners.Contains(p.Grant!.FacebookUserId))
            .OrderBy(p => p.PageId)
            .Take(count)
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
