using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichat.Core.Channels;
using Omnichat.Core.Notifications;
using Omnichat.Core.Notifications.Templates;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Notifications.Templates;

public sealed class ConnectionFailureEmailTests : TemplateTestContext
{
    private static readonly FailedPage[] Pages =
    [
        new(Guid.NewGuid(), "100000000000001", "Demo Shop 台北店", ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset),
        new(Guid.NewGuid(), "100000000000002", "Demo Shop 台中店", ConnectionStatus.WebhookNotSubscribed, FailureCause.WebhookNotSubscribed),
    ];

    private static ConnectionFailureEmailModel Model(string culture) =>
        new("Demo Shop", Pages, "https://console.example/channels/facebook", EmailWords.For(culture), LocalTimeFormat.Default);

    [Fact]
    public void Render_TwoPages_ShowsEachPageTheButtonAndTheOnlyReminderNote()
    {
        var cut = Context.Render<ConnectionFailureEmail>(p => p.Add(x => x.Model, Model("zh-TW")));

        cut.FindAll("[data-role=failed-page]").Select(e => e.GetAttribute("data-page-id"))
            .ShouldBe(["100000000000001", "100000000000002"]);
        cut.Markup.ShouldContain("Demo Shop 台北店");
        cut.Markup.ShouldContain("訊息訂閱中斷");
        cut.Markup.ShouldContain("以下 2 個專頁");
        cut.Find("[data-role=button]").GetAttribute("href").ShouldBe("https://console.example/channels/facebook");
        cut.Find("[data-role=only-reminder]").TextContent.ShouldContain("唯一的一封提醒信");
    }

    [Fact]
    public void Render_English_HasNoChineseWords()
    {
        var cut = Context.Render<ConnectionFailureEmail>(p => p.Add(x => x.Model, Model("en")));

        cut.Find("[data-role=button]").TextContent.ShouldBe("Open the Omnichat console");
        cut.Markup.ShouldContain("Hello Demo Shop team,");
        cut.Markup.ShouldNotContain("重新授權");
    }

    [Theory]
    [InlineData("zh-TW")]
    [InlineData("en")]
    public void Render_SaysPagesFoundLaterAreListedInTheConsoleNotMailed(string culture)
    {
        var cut = Context.Render<ConnectionFailureEmail>(p => p.Add(x => x.Model, Model(culture)));

        cut.Find("[data-role=later-pages]").TextContent.ShouldBe(EmailWords.For(culture)[nameof(Core.Resources.EmailStrings.LaterPages)]);
        ConnectionFailureText.Build(Model(culture)).ShouldContain(EmailWords.For(culture)[nameof(Core.Resources.EmailStrings.LaterPages)]);
    }

    [Fact]
    public async Task RenderAsync_HtmlRenderer_WritesAWholeDocumentWithCharactersNotEscapes()
    {
        var renderer = new EmailRenderer(NullLoggerFactory.Instance);

        var html = await renderer.RenderAsync<ConnectionFailureEmail>(
            new Dictionary<string, object?> { [nameof(ConnectionFailureEmail.Model)] = Model("zh-TW") }, CancellationToken.None);

        html.ShouldStartWith("<html lang=\"zh-TW\">");
        html.ShouldContain("<title>[Omnichat] Facebook 專頁串接失效：Demo Shop 台北店 及其他 1 個專頁</title>");
        html.ShouldNotContain("&#x");
    }
}
