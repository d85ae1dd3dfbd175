using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omnichat.Core.Channels;
using Omnichat.Core.Deployment;
using Omnichat.Core.Notifications;
using Omnichat.Core.Notifications.Templates;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Notifications.Templates;

/// <summary>The reminder as the dispatcher composes it: in the team's language and on the team's clock, HTML and text alike.</summary>
public sealed class ConnectionFailureComposerTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 2, 7, 32, 0, TimeSpan.Zero);

    private static Task<ComposedEmail> ComposeAsync(Team team) =>
        new ConnectionFailureComposer(new EmailRenderer(NullLoggerFactory.Instance), Options.Create(new ConsoleOptions { PublicUrl = "https://console.example" }))
            .ComposeAsync(team, new ConnectionFailurePayload(
                [new FailedPage(Guid.NewGuid(), "100000000000001", "Demo Shop 台北店", ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset, Since)]),
                CancellationToken.None);

    [Fact]
    public async Task ComposeAsync_TaipeiTeam_SaysSinceWhenInTaipeiTimeAndNeverUtc()
    {
        var email = await ComposeAsync(new Team { Name = "Demo Shop", Culture = "zh-TW", TimeZone = "Asia/Taipei" });

        email.Html.ShouldContain("失效起始：</span> 2026-12-02 15:32 (Asia/Taipei)");
        email.Text.ShouldContain("失效起始： 2026-12-02 15:32 (Asia/Taipei)");
        email.Html.ShouldNotContain("UTC");
        email.Text.ShouldNotContain("UTC");
        email.Text.ShouldNotContain("07:32", customMessage: "the stored UTC clock must not leak into what the shop owner reads");
    }

    [Fact]
    public async Task ComposeAsync_TeamInAnotherZone_UsesThatZone()
    {
        var email = await ComposeAsync(new Team { Name = "Demo Shop", Culture = "en", TimeZone = "America/New_York" });

        email.Text.ShouldContain("Failing since: 2026-12-02 02:32 (America/New_York)");
    }
}
