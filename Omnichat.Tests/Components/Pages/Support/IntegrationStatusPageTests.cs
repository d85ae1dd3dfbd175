using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Tests.Integrations;

namespace Omnichat.Tests.Components.Pages.Support;

public sealed class IntegrationStatusPageTests : ComponentTestBase
{
    public IntegrationStatusPageTests() => Context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(IntegrationData.Now));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        IntegrationData.Seed(db);
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<IntegrationStatusPage> RenderAt(string address)
    {
        SignInAs(TestCallers.Support);
        Navigation.NavigateTo(address);
        return Render<IntegrationStatusPage>();
    }

    [Fact]
    public void Render_Support_ListsEveryTeamWithCountsCauseAndEmail()
    {
        var cut = RenderAt("support/integrations");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=integration-row]").Count.ShouldBe(3));
        cut.Find("[data-testid=count-NeedsReauthorization] [data-testid=count-value]").TextContent.ShouldBe("1");
        cut.Find("[data-testid=count-Healthy] [data-testid=count-value]").TextContent.ShouldBe("1");
        var failing = cut.FindAll("tr").Single(r => r.QuerySelector($"[data-page-id='{IntegrationData.FailingPageId}']") is not null);
        // The short label in the cell, the sentence with what to do on hover.
        var cause = failing.QuerySelector("[data-testid=row-cause]")!;
        cause.TextContent.ShouldBe(FacebookText.CauseLabel(FailureCause.PasswordChangedOrSecurityReset));
        cause.GetAttribute("title").ShouldBe(FacebookText.Cause(FailureCause.PasswordChangedOrSecurityReset));
        failing.QuerySelector("[data-testid=email-state]")!.GetAttribute("data-state").ShouldBe("Sent");
        cut.Markup.ShouldContain("方案已結束，未寄送");
    }

    [Fact]
    public void Render_FiltersInTheAddress_AreApplied()
    {
        var cut = RenderAt("support/integrations?status=NeedsReauthorization&plan=Running");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=integration-row]").Single().GetAttribute("data-page-id")
            .ShouldBe(IntegrationData.FailingPageId));
        cut.Find("[data-testid=integration-total]").TextContent.ShouldBe("共 1 筆");
    }

    [Fact]
    public void Render_NothingMatches_SaysSo()
    {
        var cut = RenderAt("support/integrations?q=no-such-shop");

        cut.WaitForAssertion(() => cut.Find("[data-testid=integration-empty]").TextContent.ShouldBe("沒有符合條件的串接。"));
        cut.FindAll("[data-testid=integration-row]").ShouldBeEmpty();
    }

    [Fact]
    public void ClickCount_PutsTheStatusInTheAddress()
    {
        var cut = RenderAt("support/integrations?q=shop");
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=integration-row]").Count.ShouldBe(3));

        cut.Find("[data-testid=count-NotPageAdmin]").Click();

        Navigation.Uri.ShouldEndWith("support/integrations?status=NotPageAdmin&q=shop");
    }

    [Fact]
    public void Search_Typed_PutsItInTheAddressFromThePageOne()
    {
        var cut = RenderAt("support/integrations?page=2");
        cut.WaitForAssertion(() => cut.Find("[data-testid=filter-search] input"));

        cut.Find("[data-testid=filter-search] input").Input("台北");
        cut.Find("[data-testid=filter-search] input").Blur();

        cut.WaitForAssertion(() => Navigation.Uri.ShouldEndWith("support/integrations?q=%E5%8F%B0%E5%8C%97"), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Export_LinkCarriesTheSameFilters()
    {
        var cut = RenderAt("support/integrations?status=Failing&cause=PageRoleLost&page=3");

        cut.WaitForAssertion(() => cut.Find("[data-testid=export-csv]").GetAttribute("href")
            .ShouldBe("/support/integrations/export.csv?status=Failing&cause=PageRoleLost"));
    }
}
