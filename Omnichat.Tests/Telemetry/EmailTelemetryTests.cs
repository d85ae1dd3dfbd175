using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Health;
using Omnichat.Core.Telemetry;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Telemetry;

/// <summary>The failure e-mail a check queues is dispatched in a span of its own and counted by outcome.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class EmailTelemetryTests
{
    [Fact]
    public async Task FailureEmail_IsDispatchedInASpanAndCountedAsSent()
    {
        await using var console = await TelemetryConsole.StartAsync(s => s.With("Email:DispatchIntervalSeconds", "1"));
        using var driver = new ConsentDriver(console.Server);
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await driver.ConnectAsync(admin, DemoWorld.ShopPageId(1))).ShouldAllBe(r => r.Succeeded);
        await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");

        await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        await Eventually.TrueAsync(() => console.Points("omnichat.email.dispatched").Any(p => Equals(p.Labels["email.outcome"], "sent")),
            TimeSpan.FromSeconds(15), "the dispatcher sends the failure e-mail");
        console.Points("omnichat.email.dispatched").ShouldHaveSingleItem().Point.GetSumLong().ShouldBe(1);
        console.FinishedSpans().Where(s => s.Source.Name == OmnichatTracing.SourceName && s.OperationName == "omnichat.email.dispatch")
            .ShouldHaveSingleItem().GetTagItem("email.id").ShouldNotBeNull();
    }
}
