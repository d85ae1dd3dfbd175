using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Health;
using Omnichat.Core.Integrations;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;

namespace Omnichat.Tests.Health;

/// <summary>
/// "Failing since" has one answer wherever it is read (<see cref="ConnectionHealth"/>): the banner the admin sees and
/// support's list agree, and neither moves when the cause of a failure moves on while the page stays broken.
/// </summary>
public sealed class FailingSinceTests : FlowTest
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    private Caller admin = default!;
    private Guid taipei;

    protected override async Task ArrangeAsync()
    {
        admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        taipei = (await Driver.ConnectAsync(admin, Taipei)).Single().ConnectionId!.Value;
    }

    private Task RecordAsync(DateTimeOffset at, PageVerdict verdict) =>
        Driver.Service<CheckResultRecorder>().RecordAsync(Guid.NewGuid(), new Dictionary<Guid, PageVerdict> { [taipei] = verdict }, at, CancellationToken.None);

    private async Task<(DateTimeOffset Banner, DateTimeOffset? Support)> FailingSinceAsync()
    {
        var banner = (await Driver.Service<ChannelOverviewService>().GetFailingAsync(admin, CancellationToken.None)).Single();
        var support = await Driver.CallerAsync(DemoAccounts.Support.Email);
        var list = await Driver.Service<IntegrationStatusService>().ListAsync(support, new IntegrationQuery(), CancellationToken.None);
        return (banner.Since, list.Rows.Single(r => r.ConnectionId == taipei).FailingSince);
    }

    [Fact]
    public async Task CauseMovesOnWhileFailing_BannerAndSupportStillSaySinceTheFirstFailure()
    {
        var failedAt = new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await RecordAsync(failedAt, PageVerdict.Failed(ConnectionStatus.NotPageAdmin, FailureCause.PageRoleLost));

        await RecordAsync(failedAt.AddHours(1), PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.AppRemoved));

        var (banner, support) = await FailingSinceAsync();
        banner.ShouldBe(failedAt, "the page stopped working then, not when the cause changed");
        support.ShouldBe(failedAt);
    }

    [Fact]
    public async Task FailsAgainAfterRecovering_IsFailingSinceTheNewFailure()
    {
        var firstAt = new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await RecordAsync(firstAt, PageVerdict.Failed(ConnectionStatus.NotPageAdmin, FailureCause.PageRoleLost));
        await RecordAsync(firstAt.AddHours(1), PageVerdict.Passed());

        await RecordAsync(firstAt.AddHours(2), PageVerdict.Failed(ConnectionStatus.NotPageAdmin, FailureCause.PageRoleLost));

        var (banner, support) = await FailingSinceAsync();
        banner.ShouldBe(firstAt.AddHours(2));
        support.ShouldBe(firstAt.AddHours(2));
    }
}
