using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Channels;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Postgres;

/// <summary>
/// Two instances share one key ring in the database: a page token encrypted by A is read by B, and a person signed in
/// on A is signed in on B when the load balancer sends the next request there.
/// </summary>
public sealed class TwoInstanceSessionTests
{
    [Fact]
    public async Task SignInAndTokens_WorkOnEitherInstance()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        await using var a = await ConsoleServer.StartAsync(s => s.WithPostgres(database));
        await using var b = await ConsoleServer.StartAsync(s => s.WithPostgres(database));
        using var driver = new MessengerDriver(a);
        await driver.ConnectAsync();

        var stored = await driver.QueryAsync(db => db.PageConnections.Select(c => c.ProtectedPageToken).SingleAsync());
        b.Services.GetRequiredService<TokenProtector>().Unprotect(stored.ShouldNotBeNull()).ShouldStartWith("EAA");

        var cookies = new CookieContainer();
        using var onA = await a.SignInAsync(DemoAccounts.Admin.Email, cookies: cookies);
        // Cookies belong to the host, not the port: the same jar is what a browser brings to the other instance.
        using var onB = b.CreateHttpClient(cookies: cookies);
        using var page = await onB.GetAsync("channels/facebook");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie A issued is accepted by B");
        (await page.Content.ReadAsStringAsync()).ShouldContain(DemoAccounts.Admin.DisplayName);
    }
}
