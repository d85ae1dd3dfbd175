using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;

namespace Omnichat.Tests.Health;

/// <summary>
/// A check that asked Facebook about a token which was replaced before its answer was recorded (the admin
/// reauthorized meanwhile, or the page moved to a backup) must not mark the just-fixed page broken again.
/// </summary>
public sealed class StaleVerdictTests : FlowTest
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private PageConnection connection = default!;

    protected override async Task ArrangeAsync()
    {
        var admin = await Driver.CallerAsync(DemoAccounts.Admin.Email);
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, new[] { Taipei });
        (await Driver.ConnectAsync(admin, Taipei)).ShouldAllBe(r => r.Succeeded);
        await using var db = await DbAsync();
        connection = await db.PageConnections.AsNoTracking().SingleAsync(c => c.PageId == Taipei);
    }

    private static PageVerdict PasswordChanged(string protectedToken) =>
        PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset) with
        {
            TokenChecked = TokenFingerprint.Of(protectedToken),
        };

    [Fact]
    public async Task VerdictAboutTheReplacedToken_ChangesNothing()
    {
        var asked = connection.ProtectedPageToken!;
        await using (var db = await DbAsync())
        {
            // What a reauthorization does between the question and the answer: a new token on the same connection.
            await db.PageConnections.Where(c => c.Id == connection.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ProtectedPageToken, "replaced-" + asked));
        }

        var recorded = await RecordAsync(PasswordChanged(asked));

        recorded.EpisodesStarted.ShouldBe(0);
        await using var after = await DbAsync();
        (await after.PageConnections.AsNoTracking().SingleAsync(c => c.Id == connection.Id)).Status.ShouldBe(ConnectionStatus.Healthy);
        (await after.FailureEpisodes.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task VerdictAboutTheTokenInUse_IsApplied()
    {
        var recorded = await RecordAsync(PasswordChanged(connection.ProtectedPageToken!));

        recorded.EpisodesStarted.ShouldBe(1);
        await using var after = await DbAsync();
        (await after.PageConnections.AsNoTracking().SingleAsync(c => c.Id == connection.Id)).Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
    }

    private Task<RecordedResults> RecordAsync(PageVerdict verdict) =>
        Driver.Service<CheckResultRecorder>().RecordAsync(Guid.NewGuid(), new Dictionary<Guid, PageVerdict> { [connection.Id] = verdict },
            DateTimeOffset.UtcNow, CancellationToken.None);

    private async Task<OmnichatDbContext> DbAsync() =>
        await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
}
