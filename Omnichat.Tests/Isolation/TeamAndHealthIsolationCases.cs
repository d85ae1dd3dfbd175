using Omnichat.Core.Health;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Isolation;

/// <summary>Team settings and "check now": who reads or changes a team's settings, and whose pages a check may touch.</summary>
internal static class TeamAndHealthIsolationCases
{
    private const string Addresses = "intruder@example.com";

    public static IEnumerable<IsolationCase> All =>
    [
        IsolationCase.For<TeamSettingsService>(s => s.ListTeamsAsync(default!, default), "members list only their own team", async w =>
        {
            (await w.Service<TeamSettingsService>().ListTeamsAsync(w.OtherAdmin, default)).Select(t => t.Id).ShouldBe([w.OtherTeamId]);
            (await w.Service<TeamSettingsService>().ListTeamsAsync(w.DemoAgent, default)).Select(t => t.Id).ShouldBe([w.DemoTeamId]);
            (await w.Service<TeamSettingsService>().ListTeamsAsync(w.Support, default)).Count.ShouldBe(2);
        }),
        IsolationCase.For<TeamSettingsService>(s => s.GetAsync(default!, default, default), "a member does not read another team's settings", async w =>
        {
            (await w.Service<TeamSettingsService>().GetAsync(w.OtherAdmin, w.DemoTeamId, default)).ShouldBeNull();
            (await w.Service<TeamSettingsService>().GetAsync(w.DemoAgent, w.OtherTeamId, default)).ShouldBeNull();
            (await w.Service<TeamSettingsService>().GetAsync(w.DemoAgent, w.DemoTeamId, default)).ShouldNotBeNull("its own team reads them");
        }),
        IsolationCase.For<TeamSettingsService>(s => s.SaveNotificationsAsync(default!, default, Addresses, Addresses, default), "only the team's own admin saves its addresses", async w =>
        {
            var results = new List<TeamSettingsResult>();
            await w.ChangesNothingAsync(async () =>
            {
                foreach (var caller in new[] { w.OtherAdmin, w.DemoAgent, w.Support })
                {
                    results.Add(await w.Service<TeamSettingsService>().SaveNotificationsAsync(caller, w.DemoTeamId, Addresses, "en", default));
                }
            });
            results.ShouldAllBe(r => r.Outcome == TeamSettingsOutcome.NotAllowed);
        }),
        IsolationCase.For<TeamSettingsService>(s => s.SaveTimeZoneAsync(default!, default, Addresses, default), "only the team's own admin sets its time zone", async w =>
        {
            var results = new List<TeamSettingsResult>();
            await w.ChangesNothingAsync(async () =>
            {
                foreach (var caller in new[] { w.OtherAdmin, w.DemoAgent, w.Support })
                {
                    results.Add(await w.Service<TeamSettingsService>().SaveTimeZoneAsync(caller, w.DemoTeamId, "Asia/Tokyo", default));
                }
            });
            results.ShouldAllBe(r => r.Outcome == TeamSettingsOutcome.NotAllowed);
        }),
        IsolationCase.For<TeamSettingsService>(s => s.SetPlanEndAsync(default!, default, default, default), "no team member sets a plan's end, not even their own", async w =>
        {
            var results = new List<TeamSettingsResult>();
            await w.ChangesNothingAsync(async () =>
            {
                foreach (var caller in new[] { w.DemoAdmin, w.OtherAdmin, w.DemoAgent })
                {
                    results.Add(await w.Service<TeamSettingsService>().SetPlanEndAsync(caller, w.DemoTeamId, new DateOnly(2020, 1, 1), default));
                }
            });
            results.ShouldAllBe(r => r.Outcome == TeamSettingsOutcome.NotAllowed);
        }),

        IsolationCase.For<CheckNowService>(s => s.CheckTeamAsync(default!, default, default), "another team's check touches none of Demo Shop's rows", async w =>
        {
            CheckRunSummary? run = default;
            await w.ChangesNothingOfTeamAsync(w.DemoTeamId, async () => run = await w.Service<CheckNowService>().CheckTeamAsync(w.OtherAdmin, null, default));
            run!.Checked.ShouldBe(1);
        }),
        IsolationCase.For<CheckNowService>(s => s.CheckTeamAsync(default!, default, default), "support staff have no team of their own to check", async w =>
        {
            CheckRunSummary? run = new(Guid.Empty, 0, 0, 0, 0, 0, 0, 0);
            await w.ChangesNothingAsync(async () => run = await w.Service<CheckNowService>().CheckTeamAsync(w.Support, null, default));
            run.ShouldBeNull();
        }),
        IsolationCase.For<CheckNowService>(s => s.CheckTeamAsync(default!, default(Guid), default, default), "a member cannot check another team", async w =>
        {
            CheckRunSummary? byOther = new(Guid.Empty, 0, 0, 0, 0, 0, 0, 0), byAgent = byOther;
            await w.ChangesNothingAsync(async () =>
            {
                byOther = await w.Service<CheckNowService>().CheckTeamAsync(w.OtherAdmin, w.DemoTeamId, null, default);
                byAgent = await w.Service<CheckNowService>().CheckTeamAsync(w.DemoAgent, w.OtherTeamId, null, default);
            });
            byOther.ShouldBeNull();
            byAgent.ShouldBeNull();
        }),
        IsolationCase.For<CheckNowService>(s => s.CheckConnectionAsync(default!, default, default), "a member cannot check another team's connection", async w =>
        {
            CheckRunSummary? byOther = new(Guid.Empty, 0, 0, 0, 0, 0, 0, 0), byAgent = byOther;
            await w.ChangesNothingAsync(async () =>
            {
                byOther = await w.Service<CheckNowService>().CheckConnectionAsync(w.OtherAdmin, w.DemoFailingConnection, default);
                byAgent = await w.Service<CheckNowService>().CheckConnectionAsync(w.DemoAgent, w.OtherLiveConnection, default);
            });
            byOther.ShouldBeNull();
            byAgent.ShouldBeNull();
        }),
    ];
}
