using Omnichat.Core.Teams;

namespace Omnichat.Tests.Isolation;

/// <summary>
/// The isolation cases cover every public Core method that takes a <see cref="Caller"/>: a new entry point without
/// a case fails here, by name, before anyone forgets the team filter in it.
/// </summary>
public sealed class IsolationCoverageTests
{
    private static IEnumerable<string> Found() => ServiceIsolationTests.MethodsTakingACaller().Select(IsolationCase.Describe);

    [Fact]
    public void EveryMethodTakingACaller_HasAnIsolationCase()
    {
        var covered = ServiceIsolationTests.AllCases.Select(c => IsolationCase.Describe(c.Covers)).ToHashSet();

        var missing = Found().Where(m => !covered.Contains(m)).Order().ToList();

        missing.ShouldBeEmpty($"these Core methods take a Caller but have no case in Omnichat.Tests/Isolation:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void MethodsTakingACaller_AreFoundByTheScan()
    {
        // The scan itself must see the services (a broken filter would make the test above pass on nothing).
        var found = Found().ToList();

        found.ShouldContain("InboxService.GetAsync(Caller, Guid, CancellationToken)");
        found.ShouldContain("ReplyService.SendAsync(Caller, Guid, String, CancellationToken)");
        found.ShouldContain("TeamSettingsService.SaveNotificationsAsync(Caller, Guid, String, String, CancellationToken)");
        string[] services = ["ChannelOverviewService", "CheckNowService", "ConnectionService", "ConsentService", "InboxService",
            "IntegrationStatusService", "OAuthStateStore", "ParkedEventsService", "ReplyService", "TeamSettingsService"];
        services.ShouldBeSubsetOf(found.Select(m => m[..m.IndexOf('.')]));
    }

    [Fact]
    public void EveryCase_CoversAMethodTheScanFinds()
    {
        var found = Found().ToHashSet();

        ServiceIsolationTests.AllCases.Select(c => IsolationCase.Describe(c.Covers)).Where(m => !found.Contains(m)).ShouldBeEmpty();
        ServiceIsolationTests.AllCases.Select(c => c.Name).ShouldBeUnique();
    }
}
