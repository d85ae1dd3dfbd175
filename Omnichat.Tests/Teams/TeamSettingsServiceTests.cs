using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;
using Omnichat.Tests.Components;

namespace Omnichat.Tests.Teams;

/// <summary>Who may change what, enforced by the service whatever a page shows.</summary>
public sealed class TeamSettingsServiceTests : IAsyncLifetime
{
    private static readonly Guid OtherShopId = Guid.NewGuid();
    private static readonly Caller OtherAdmin = new("user-other", "Other admin", OtherShopId, IsTeamAdmin: true, IsSupport: false);
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"omnichat-settings-{Guid.NewGuid():N}.db");
    private ServiceProvider services = default!;
    private TeamSettingsService service = default!;

    public async Task InitializeAsync()
    {
        services = new ServiceCollection()
            .AddLogging()
            .AddOmnichatDatabase(DatabaseProvider.Sqlite, $"Data Source={databasePath}")
            .AddTeams()
            .BuildServiceProvider();
        service = services.GetRequiredService<TeamSettingsService>();
        await using var db = await DbAsync();
        await db.Database.MigrateAsync();
        db.Teams.Add(new Team { Id = TestCallers.DemoShopId, Name = TestCallers.DemoShop, NotificationEmails = "ops@demo.local" });
        db.Teams.Add(new Team { Id = OtherShopId, Name = "Other Shop" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }

    private Task<OmnichatDbContext> DbAsync() => services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();

    private async Task<Team> DemoShopAsync()
    {
        await using var db = await DbAsync();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.Id == TestCallers.DemoShopId);
    }

    [Fact]
    public async Task SaveNotifications_Admin_SavesDeduplicatedAddressesAndLanguage()
    {
        var result = await service.SaveNotificationsAsync(TestCallers.TeamAdmin, TestCallers.DemoShopId,
            "a@shop.test; B@shop.test\nb@SHOP.test", "en", CancellationToken.None);

        result.Outcome.ShouldBe(TeamSettingsOutcome.Saved);
        var team = await DemoShopAsync();
        team.NotificationEmails.ShouldBe("a@shop.test,B@shop.test");
        team.Culture.ShouldBe("en");
    }

    [Fact]
    public async Task SaveNotifications_InvalidAddresses_ReportsEachAndSavesNothing()
    {
        var result = await service.SaveNotificationsAsync(TestCallers.TeamAdmin, TestCallers.DemoShopId,
            "good@shop.test, bad@, worse", "en", CancellationToken.None);

        result.Outcome.ShouldBe(TeamSettingsOutcome.InvalidAddresses);
        result.InvalidAddresses.ShouldBe(["bad@", "worse"]);
        var team = await DemoShopAsync();
        team.NotificationEmails.ShouldBe("ops@demo.local");
        team.Culture.ShouldBe("zh-TW");
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("support")]
    [InlineData("other-admin")]
    public async Task SaveNotifications_NotThisTeamsAdmin_IsNotAllowed(string who)
    {
        var caller = who switch { "agent" => TestCallers.Agent, "support" => TestCallers.Support, _ => OtherAdmin };

        var result = await service.SaveNotificationsAsync(caller, TestCallers.DemoShopId, "x@shop.test", "en", CancellationToken.None);

        result.Outcome.ShouldBe(TeamSettingsOutcome.NotAllowed);
        (await DemoShopAsync()).NotificationEmails.ShouldBe("ops@demo.local");
    }

    [Fact]
    public async Task SaveNotifications_UnsupportedLanguage_IsRejected()
    {
        (await service.SaveNotificationsAsync(TestCallers.TeamAdmin, TestCallers.DemoShopId, "", "fr", CancellationToken.None))
            .Outcome.ShouldBe(TeamSettingsOutcome.UnsupportedCulture);
    }

    [Fact]
    public async Task SetPlanEnd_TeamAdmin_IsNotAllowed()
    {
        var result = await service.SetPlanEndAsync(TestCallers.TeamAdmin, TestCallers.DemoShopId, new DateOnly(2099, 1, 1), CancellationToken.None);

        result.Outcome.ShouldBe(TeamSettingsOutcome.NotAllowed);
        (await DemoShopAsync()).PlanEndsOn.ShouldBeNull();
    }

    [Fact]
    public async Task SetPlanEnd_Support_SavesTheDate()
    {
        var result = await service.SetPlanEndAsync(TestCallers.Support, TestCallers.DemoShopId, new DateOnly(2027, 3, 31), CancellationToken.None);

        result.Outcome.ShouldBe(TeamSettingsOutcome.Saved);
        (await DemoShopAsync()).PlanEndsOn.ShouldBe(new DateOnly(2027, 3, 31));
    }

    [Fact]
    public async Task Get_MemberOfAnotherTeam_SeesNothing()
    {
        (await service.GetAsync(OtherAdmin, TestCallers.DemoShopId, CancellationToken.None)).ShouldBeNull();
        (await service.ListTeamsAsync(OtherAdmin, CancellationToken.None)).Select(t => t.Name).ShouldBe(["Other Shop"]);
    }

    [Fact]
    public async Task ListTeams_Support_SeesAllTeamsByName()
    {
        (await service.ListTeamsAsync(TestCallers.Support, CancellationToken.None)).Select(t => t.Name).ShouldBe(["Demo Shop", "Other Shop"]);
    }

    [Fact]
    public async Task Get_TeamAdmin_ReadsTheirTeam_AndMayEditNotificationsButNotThePlan()
    {
        var settings = (await service.GetAsync(TestCallers.TeamAdmin, TestCallers.DemoShopId, CancellationToken.None)).ShouldNotBeNull();

        (settings.TeamName, settings.Culture, settings.CanEditNotifications, settings.CanEditPlan).ShouldBe((TestCallers.DemoShop, "zh-TW", true, false));
        settings.NotificationEmails.ShouldBe(["ops@demo.local"]);
    }

    [Fact]
    public async Task Get_Agent_ReadsTheirTeam_AndMayEditNothing()
    {
        var settings = (await service.GetAsync(TestCallers.Agent, TestCallers.DemoShopId, CancellationToken.None)).ShouldNotBeNull();

        (settings.CanEditNotifications, settings.CanEditPlan).ShouldBe((false, false));
    }

    [Fact]
    public async Task Get_Support_ReadsAnyTeam_AndMaySetOnlyThePlan()
    {
        var settings = (await service.GetAsync(TestCallers.Support, OtherShopId, CancellationToken.None)).ShouldNotBeNull();

        (settings.TeamName, settings.CanEditNotifications, settings.CanEditPlan).ShouldBe(("Other Shop", false, true));
    }

    [Fact]
    public async Task Get_TeamThatDoesNotExist_IsNothing_EvenForSupport() =>
        (await service.GetAsync(TestCallers.Support, Guid.NewGuid(), CancellationToken.None)).ShouldBeNull();

    [Fact]
    public async Task SaveNotifications_AdminOfATeamThatNoLongerExists_IsNotFound()
    {
        var gone = new Caller("user-gone", "Gone admin", Guid.NewGuid(), IsTeamAdmin: true, IsSupport: false);

        (await service.SaveNotificationsAsync(gone, gone.TeamId!.Value, "x@shop.test", "en", CancellationToken.None))
            .Outcome.ShouldBe(TeamSettingsOutcome.NotFound);
    }

    [Fact]
    public async Task SetPlanEnd_TeamThatDoesNotExist_IsNotFound() =>
        (await service.SetPlanEndAsync(TestCallers.Support, Guid.NewGuid(), new DateOnly(2027, 3, 31), CancellationToken.None))
            .Outcome.ShouldBe(TeamSettingsOutcome.NotFound);

    [Fact]
    public async Task SetPlanEnd_SupportClearsTheDate_ThePlanNoLongerEnds()
    {
        await service.SetPlanEndAsync(TestCallers.Support, TestCallers.DemoShopId, new DateOnly(2027, 3, 31), CancellationToken.None);

        (await service.SetPlanEndAsync(TestCallers.Support, TestCallers.DemoShopId, null, CancellationToken.None)).Outcome.ShouldBe(TeamSettingsOutcome.Saved);

        (await DemoShopAsync()).PlanEndsOn.ShouldBeNull();
    }

    [Fact]
    public async Task SaveTimeZone_Admin_SavesIt_AndSettingsShowIt()
    {
        (await service.GetAsync(TestCallers.TeamAdmin, TestCallers.DemoShopId, CancellationToken.None))!.TimeZone
            .ShouldBe("Asia/Taipei", "a new team shows Taiwan time");

        var result = await service.SaveTimeZoneAsync(TestCallers.TeamAdmin, TestCallers.DemoShopId, "Asia/Tokyo", CancellationToken.None);

        result.ShouldBe(TeamSettingsResult.Saved);
        (await DemoShopAsync()).TimeZone.ShouldBe("Asia/Tokyo");
        (await service.GetAsync(TestCallers.Agent, TestCallers.DemoShopId, CancellationToken.None))!.TimeZone.ShouldBe("Asia/Tokyo");
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("asia/taipei")]
    public async Task SaveTimeZone_NotOffered_IsRejectedAndNothingChanges(string zone)
    {
        (await service.SaveTimeZoneAsync(TestCallers.TeamAdmin, TestCallers.DemoShopId, zone, CancellationToken.None))
            .Outcome.ShouldBe(TeamSettingsOutcome.UnsupportedTimeZone);
        (await DemoShopAsync()).TimeZone.ShouldBe("Asia/Taipei");
    }

    [Fact]
    public async Task SaveTimeZone_Agent_IsNotAllowed()
    {
        (await service.SaveTimeZoneAsync(TestCallers.Agent, TestCallers.DemoShopId, "UTC", CancellationToken.None))
            .ShouldBe(TeamSettingsResult.NotAllowed);
        (await DemoShopAsync()).TimeZone.ShouldBe("Asia/Taipei");
    }
}
