using Omnichat.Core.Integrations;

namespace Omnichat.Tests.Isolation;

/// <summary>Integration status and kept-aside events: support staff read every team; members only their own; nobody changes anything by reading.</summary>
internal static class IntegrationIsolationCases
{
    public static IEnumerable<IsolationCase> All =>
    [
        IsolationCase.For<IntegrationStatusService>(s => s.ListAsync(default!, default!, default), "another team lists only its own connections, even when it asks for Demo Shop", async w =>
        {
            IntegrationList own = default!, asked = default!;
            await w.ChangesNothingAsync(async () =>
            {
                own = await w.Service<IntegrationStatusService>().ListAsync(w.OtherAdmin, new IntegrationQuery(), default);
                asked = await w.Service<IntegrationStatusService>().ListAsync(w.OtherAdmin, new IntegrationQuery(TeamId: w.DemoTeamId), default);
            });
            own.Rows.Select(r => r.ConnectionId).ShouldBe([w.OtherLiveConnection]);
            own.TotalCount.ShouldBe(1);
            asked.Rows.ShouldBeEmpty();
            asked.StatusCounts.ShouldBeEmpty();
        }),
        IsolationCase.For<IntegrationStatusService>(s => s.ListAsync(default!, default!, default), "an agent lists its own team; support staff every team, changing nothing", async w =>
        {
            IntegrationList byAgent = default!, bySupport = default!;
            await w.ChangesNothingAsync(async () =>
            {
                byAgent = await w.Service<IntegrationStatusService>().ListAsync(w.DemoAgent, new IntegrationQuery(), default);
                bySupport = await w.Service<IntegrationStatusService>().ListAsync(w.Support, new IntegrationQuery(), default);
            });
            byAgent.Rows.ShouldAllBe(r => r.TeamId == w.DemoTeamId);
            byAgent.TotalCount.ShouldBe(3);
            bySupport.TotalCount.ShouldBe(4);
        }),

        IsolationCase.For<IntegrationStatusService>(s => s.ExportAsync(default!, default!, default), "another team exports only its own connections", async w =>
        {
            var rows = new List<IntegrationRow>();
            await w.ChangesNothingAsync(async () =>
            {
                await foreach (var row in w.Service<IntegrationStatusService>().ExportAsync(w.OtherAdmin, new IntegrationQuery(TeamId: w.DemoTeamId), default))
                {
                    rows.Add(row);
                }
                await foreach (var row in w.Service<IntegrationStatusService>().ExportAsync(w.OtherAdmin, new IntegrationQuery(), default))
                {
                    rows.Add(row);
                }
            });
            rows.Select(r => r.ConnectionId).ShouldBe([w.OtherLiveConnection]);
        }),

        IsolationCase.For<IntegrationStatusService>(s => s.GetDetailAsync(default!, default, default), "another team's admin does not read Demo Shop's connections", async w =>
        {
            ConnectionDetail? live = default, gone = default;
            await w.ChangesNothingAsync(async () =>
            {
                live = await w.Service<IntegrationStatusService>().GetDetailAsync(w.OtherAdmin, w.DemoLiveConnection, default);
                gone = await w.Service<IntegrationStatusService>().GetDetailAsync(w.OtherAdmin, w.DemoGoneConnection, default);
            });
            live.ShouldBeNull();
            gone.ShouldBeNull();
            (await w.Service<IntegrationStatusService>().GetDetailAsync(w.Support, w.DemoLiveConnection, default)).ShouldNotBeNull("support staff read every team");
        }),

        IsolationCase.For<IntegrationStatusService>(s => s.GetTimelineAsync(default!, default, default, default, default, default), "another team's admin does not read Demo Shop's history", async w =>
        {
            TimelinePage? timeline = default;
            await w.ChangesNothingAsync(async () => timeline = await w.Service<IntegrationStatusService>()
                .GetTimelineAsync(w.OtherAdmin, w.DemoFailingConnection, null, 50, true, default));
            timeline.ShouldBeNull();
            (await w.Service<IntegrationStatusService>().GetTimelineAsync(w.DemoAgent, w.DemoFailingConnection, null, 50, true, default))!
                .Entries.ShouldNotBeEmpty("its own team reads it");
        }),

        IsolationCase.For<IntegrationStatusService>(s => s.GetTeamHistoryAsync(default!, default, default, default), "another team's admin does not read Demo Shop's chart", async w =>
        {
            IReadOnlyList<DailyStatusCounts>? history = default;
            await w.ChangesNothingAsync(async () => history = await w.Service<IntegrationStatusService>().GetTeamHistoryAsync(w.OtherAdmin, w.DemoTeamId, 30, default));
            history.ShouldBeNull();
            (await w.Service<IntegrationStatusService>().GetTeamHistoryAsync(w.Support, w.DemoTeamId, 30, default)).ShouldNotBeNull();
        }),

        IsolationCase.For<ParkedEventsService>(s => s.ListAsync(default!, default!, default), "team admins see no kept-aside events; support staff do", async w =>
        {
            ParkedPageList byDemo = default!, byOther = default!, bySupport = default!;
            await w.ChangesNothingAsync(async () =>
            {
                byDemo = await w.Service<ParkedEventsService>().ListAsync(w.DemoAdmin, new ParkedPageQuery(), default);
                byOther = await w.Service<ParkedEventsService>().ListAsync(w.OtherAdmin, new ParkedPageQuery(), default);
                bySupport = await w.Service<ParkedEventsService>().ListAsync(w.Support, new ParkedPageQuery(), default);
            });
            byDemo.TotalCount.ShouldBe(0);
            byOther.TotalCount.ShouldBe(0);
            bySupport.Rows.Select(r => r.PageId).ShouldContain(IsolationWorld.DemoGonePage);
        }),
        IsolationCase.For<ParkedEventsService>(s => s.CountPagesAsync(default!, default), "team admins count none", async w =>
        {
            (await w.Service<ParkedEventsService>().CountPagesAsync(w.Support, default)).ShouldBeGreaterThan(0);
            (await w.Service<ParkedEventsService>().CountPagesAsync(w.DemoAdmin, default)).ShouldBe(0);
            (await w.Service<ParkedEventsService>().CountPagesAsync(w.OtherAdmin, default)).ShouldBe(0);
        }),
        IsolationCase.For<ParkedEventsService>(s => s.GetPageAsync(default!, default!, default, default, default), "team admins read no page's kept-aside text", async w =>
        {
            (await w.Service<ParkedEventsService>().GetPageAsync(w.Support, IsolationWorld.DemoGonePage, 0, 50, default)).ShouldNotBeNull();
            (await w.Service<ParkedEventsService>().GetPageAsync(w.DemoAdmin, IsolationWorld.DemoGonePage, 0, 50, default)).ShouldBeNull();
            (await w.Service<ParkedEventsService>().GetPageAsync(w.OtherAdmin, IsolationWorld.DemoGonePage, 0, 50, default)).ShouldBeNull();
        }),
        IsolationCase.For<ParkedEventsService>(s => s.SinceDisconnectionAsync(default!, default, default), "only Demo Shop's admin (and support) count what reached its disconnected page", async w =>
        {
            (await w.Service<ParkedEventsService>().SinceDisconnectionAsync(w.DemoAdmin, w.DemoGoneConnection, default))!.CustomerMessages.ShouldBe(1);
            (await w.Service<ParkedEventsService>().SinceDisconnectionAsync(w.OtherAdmin, w.DemoGoneConnection, default)).ShouldBeNull();
            (await w.Service<ParkedEventsService>().SinceDisconnectionAsync(w.DemoAgent, w.DemoGoneConnection, default)).ShouldBeNull();
        }),
    ];
}
