using Omnichat.Core.Channels;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>An explicitly empty <c>Facebook:SystemUserConfigId</c> turns the feature off, even with the sandbox on.</summary>
public sealed class SystemUserConfigOffTests : FlowTest
{
    protected override void Configure(ConsoleServer server) => server.With("Facebook:SystemUserConfigId", "");

    [Fact]
    public async Task EmptyConfigId_NoSecondButton_AndTheDialogWillNotOpen()
    {
        var admin = await Driver.CallerAsync(DemoAccounts.Admin.Email);

        (await Driver.OverviewAsync(admin)).OffersSystemUser.ShouldBeFalse();
        (await Driver.Service<ConsentService>().BeginAsync(admin, OAuthPurpose.ConnectSystemUser, null, Driver.RedirectUri, CancellationToken.None))
            .ShouldBeNull();
    }
}
