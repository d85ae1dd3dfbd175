using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Resources;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Receiving;

/// <summary>
/// Over HTTP with the sandbox and one clock for both: a page that usually receives customer messages gets the yellow
/// notice on the channel page once it has been quiet past the rule, and loses it with the next customer message.
/// </summary>
public sealed class SilenceNoticeTests
{
    private static readonly string Taipei = MessengerDriver.Taipei;

    [Fact]
    public async Task ChannelPage_UsualPageQuietPastTheRule_ShowsTheNotice_NextCustomerMessageClearsIt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // One a day on average over the last 7 days, none in the last 6 hours: seven messages make a page that usually receives.
        await using var server = await ConsoleServer.StartAsync(s => s
            .With("Receiving:UsualCustomerMessagesPerDay", "1").With("Receiving:UsualOverDays", "7").With("Receiving:SilentFor", "06:00:00")
            .With("Backfill:Enabled", "false")
            .WithServices(services => services.AddSingleton<TimeProvider>(time)));
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        for (var i = 0; i < 7; i++)
        {
            await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = $"730000000000001{i}", text = $"有貨嗎 {i}" });
        }
        await driver.EventuallyAsync(async db => await db.Messages.CountAsync() == 7, "the seven messages are in the inbox");
        using var admin = await server.SignInAsync(DemoAccounts.Admin.Email);

        var fresh = await PageAsync(admin);
        fresh.LastCustomerMessage.ShouldBe(Format(FacebookStrings.LastCustomerMessage, SharedStrings.JustNow));
        fresh.Notice.ShouldBeNull("today's messages are not the average yet, and the page just heard from customers");

        // A day and seven hours later: yesterday's seven are the week's average, and nothing came for seven hours.
        time.Advance(TimeSpan.FromHours(31));
        var quiet = await PageAsync(admin);
        quiet.Notice.ShouldBe(Format(FacebookStrings.SilenceNotice, 7, 1, Format(FacebookStrings.SilentForHours, 6), 1));

        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = "7300000000000010", text = "還在嗎？" });
        await driver.EventuallyAsync(async db => await db.Messages.CountAsync() == 8, "the new message is in the inbox");
        var heard = await PageAsync(admin);
        heard.Notice.ShouldBeNull("a customer message ends it");
        heard.LastCustomerMessage.ShouldBe(Format(FacebookStrings.LastCustomerMessage, SharedStrings.JustNow));
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.GetCultureInfo("zh-TW"), format, args);

    private static async Task<(string? LastCustomerMessage, string? Notice)> PageAsync(HttpClient admin)
    {
        var document = await new HtmlParser().ParseDocumentAsync(await admin.GetStringAsync("channels/facebook"));
        var row = document.QuerySelector($"[data-testid=connected-pages] [data-page-id='{Taipei}']")?.Closest("tr");
        row.ShouldNotBeNull("the connected page is listed");
        return (row.QuerySelector("[data-testid=last-customer-message]")?.TextContent.Trim(),
            row.QuerySelector("[data-testid=silence-notice]")?.TextContent.Trim());
    }
}
