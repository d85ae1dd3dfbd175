using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>
/// A page that had to move to a backup authorization twice depends on people too much: the tab suggests authorizing
/// as the business's system user, counted from the page's FailedOver events.
/// </summary>
public sealed class SystemUserSuggestionTests : FlowTest
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private Caller admin = default!;
    private Caller admin2 = default!;

    protected override async Task ArrangeAsync()
    {
        admin = await Driver.CallerAsync(DemoAccounts.Admin.Email);
        admin2 = await Driver.CallerAsync(DemoAccounts.Admin2.Email);
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(admin, Taipei)).ShouldAllBe(r => r.Succeeded);
        await Driver.ConsentAsync(admin2, DemoWorld.KevinId, "all");
    }

    [Fact]
    public async Task SecondFailover_SuggestsTheSystemUser_UntilThePageRunsOnOne()
    {
        (await OverviewAsync()).OffersSystemUser.ShouldBeTrue("the sandbox's system-user configuration is the default with the sandbox on");
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await Driver.CheckAllAsync();
        (await TaipeiAsync()).SuggestsSystemUser.ShouldBeFalse("one failover is one person's password change");

        // Dana authorizes again (her backup is back), then Kevin's password changes: the page moves a second time.
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all", OAuthPurpose.EditSettings);
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.KevinId}/password-change");
        await Driver.CheckAllAsync();

        var taipei = await TaipeiAsync();
        (taipei.Status, taipei.FacebookUserName, taipei.SuggestsSystemUser).ShouldBe((ConnectionStatus.Healthy, "Dana Chen", true));

        await Driver.SystemUserConsentAsync(admin, DemoWorld.DanaId, DemoWorld.TradingBusinessId, new[] { Taipei });

        (await TaipeiAsync()).SuggestsSystemUser.ShouldBeFalse("it runs on the system user now");
    }

    private Task<FacebookChannelOverview> OverviewAsync() => Driver.OverviewAsync(admin);

    private async Task<ConnectionView> TaipeiAsync() => (await OverviewAsync()).Connections.Single(c => c.PageId == Taipei);
}
