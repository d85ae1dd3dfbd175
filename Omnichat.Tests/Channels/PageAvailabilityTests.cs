using Omnichat.Core.Channels;

namespace Omnichat.Tests.Channels;

public sealed class PageAvailabilityTests
{
    private static readonly HashSet<string> None = [];

    private static AuthorizedPage Page(string tasks = "ANALYZE,MANAGE,MESSAGING", bool granted = true, string missing = "") => new()
    {
        PageId = "p1",
        Name = "Shop",
        Tasks = tasks,
        IsGranted = granted,
        MissingScopes = missing,
    };

    [Fact]
    public void Decide_AdminWithEveryPermission_IsAvailable() =>
        ChannelOverviewService.Decide(Page(), None, None).ShouldBe(PageAvailability.Available);

    [Theory]
    [InlineData("MODERATE,MESSAGING,ANALYZE,ADVERTISE,CREATE_CONTENT")]
    [InlineData("PROFILE_PLUS_MESSAGING,PROFILE_PLUS_MODERATE")]
    public void Decide_WithoutFullControl_IsNotPageAdmin(string tasks) =>
        ChannelOverviewService.Decide(Page(tasks), None, None).ShouldBe(PageAvailability.NotPageAdmin);

    [Fact]
    public void Decide_NewPagesExperienceFullControl_IsAvailable() =>
        ChannelOverviewService.Decide(Page("PROFILE_PLUS_MESSAGING,PROFILE_PLUS_FULL_CONTROL"), None, None).ShouldBe(PageAvailability.Available);

    [Fact]
    public void Decide_NotTickedInLatestConsent_IsPageNotGranted() =>
        ChannelOverviewService.Decide(Page(granted: false), None, None).ShouldBe(PageAvailability.PageNotGranted);

    [Fact]
    public void Decide_PermissionLeftOut_IsPermissionMissing() =>
        ChannelOverviewService.Decide(Page(missing: "pages_messaging"), None, None).ShouldBe(PageAvailability.PermissionMissing);

    [Fact]
    public void Decide_LiveInAnotherTeam_IsConnectedByAnotherTeam() =>
        ChannelOverviewService.Decide(Page(), None, new HashSet<string> { "p1" }).ShouldBe(PageAvailability.ConnectedByAnotherTeam);

    [Fact]
    public void Decide_AlreadyConnectedHere_WinsOverEverythingElse() =>
        ChannelOverviewService.Decide(Page(granted: false), new HashSet<string> { "p1" }, None).ShouldBe(PageAvailability.ConnectedByThisTeam);
}
