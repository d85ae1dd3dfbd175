using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Backfill;

namespace Omnichat.Tests.Isolation;

/// <summary>Gaps and back-fill requests: a team sees only its own pages' gaps; only support and the team's admin ask for a back-fill.</summary>
internal static class BackfillIsolationCases
{
    private static readonly Guid DemoGapId = Guid.Parse("0d1e2f30-0000-4000-8000-00000000b0f1");

    public static IEnumerable<IsolationCase> All =>
    [
        IsolationCase.For<BackfillService>(s => s.RequestAsync(default!, default, default, default, default), "another team's admin cannot queue a back-fill of Demo Shop's page", async w =>
        {
            BackfillRequestOutcome outcome = default!;
            await w.ChangesNothingAsync(async () => outcome = await w.Service<BackfillService>()
                .RequestAsync(w.OtherAdmin, w.DemoLiveConnection, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, default));
            outcome.Kind.ShouldBe(BackfillRequestKind.NotFound);
        }),
        IsolationCase.For<BackfillService>(s => s.RequestAsync(default!, default, default, default, default), "an agent of the team cannot queue one either", async w =>
        {
            BackfillRequestOutcome outcome = default!;
            await w.ChangesNothingAsync(async () => outcome = await w.Service<BackfillService>()
                .RequestAsync(w.DemoAgent, w.DemoLiveConnection, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, default));
            outcome.Kind.ShouldBe(BackfillRequestKind.NotAllowed);
        }),
        IsolationCase.For<BackfillService>(s => s.LatestAsync(default!, default), "another team never sees Demo Shop's gaps; Demo Shop does", async w =>
        {
            await DemoGapAsync(w);
            IReadOnlyDictionary<Guid, GapSummary> byOther = default!;
            await w.ChangesNothingAsync(async () => byOther = await w.Service<BackfillService>().LatestAsync(w.OtherAdmin, default));
            byOther.ShouldNotContainKey(w.DemoLiveConnection);
            (await w.Service<BackfillService>().LatestAsync(w.DemoAgent, default)).ShouldContainKey(w.DemoLiveConnection);
        }),
    ];

    /// <summary>A finished gap of Demo Shop's live page, written once and directly, so no back-fill runs on the shared world.</summary>
    private static Task DemoGapAsync(IsolationWorld w) => w.Messenger.QueryAsync(async db =>
    {
        if (await db.EventGaps.AnyAsync(g => g.Id == DemoGapId))
        {
            return 0;
        }
        var now = DateTimeOffset.UtcNow;
        db.EventGaps.Add(new EventGap
        {
            Id = DemoGapId, ConnectionId = w.DemoLiveConnection, TeamId = w.DemoTeamId, PageId = IsolationWorld.DemoLivePage,
            Cause = GapCause.Unsubscribed, StartedAt = now.AddHours(-2), EndedAt = now.AddHours(-1), DetectedAt = now.AddHours(-1),
            Backfill = BackfillState.Done, BackfillEndedAt = now.AddHours(-1), Recovered = 1,
        });
        return await db.SaveChangesAsync();
    });
}
