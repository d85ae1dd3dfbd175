using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Sandbox;

namespace Omnichat.Tests.Health;

/// <summary>Our app still installed but subscribed to too few fields receives too little: the check subscribes the rest.</summary>
public sealed class SubscribedFieldsRepairTests : FlowTest
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    protected override void Configure(ConsoleServer server) => server.With("Backfill:Enabled", "false");

    protected override async Task ArrangeAsync()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(admin, Taipei)).ShouldAllBe(r => r.Succeeded);
    }

    [Fact]
    public async Task Check_SubscriptionLacksFields_SubscribesThemAgainAndSaysWhich()
    {
        using var sandbox = new SandboxDriver(Server);
        var token = await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId), Taipei);
        using (var narrowed = await sandbox.Client.PostAsync(SandboxDriver.Graph($"{Taipei}/subscribed_apps", new() { ["access_token"] = token }),
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["subscribed_fields"] = "message_reads" })))
        {
            narrowed.EnsureSuccessStatusCode();
        }

        var summary = await Driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        summary.Repaired.ShouldBe(1);
        var state = await sandbox.StateAsync();
        var page = state.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == Taipei);
        page.GetProperty("subscribedFields").GetProperty(sandbox.App.AppId).EnumerateArray().Select(f => f.GetString())
            .ShouldBe(MessengerWebhookFields.Required, ignoreOrder: true);
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        var repaired = await db.ConnectionEvents.SingleAsync(e => e.Kind == ConnectionEventKind.Resubscribed);
        HistoryNote.Parse(repaired.Detail)!.Kind.ShouldBe(HistoryNoteKind.FieldsRepaired);
        repaired.Detail!.ShouldContain("messages");
    }
}
