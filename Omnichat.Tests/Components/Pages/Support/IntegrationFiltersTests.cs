using Bunit;
using MudBlazor;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Core.Channels;
using Omnichat.Core.Integrations;

namespace Omnichat.Tests.Components.Pages.Support;

public sealed class IntegrationFiltersTests : ComponentTestBase
{
    private IRenderedComponent<IntegrationFilters> RenderFilters(IntegrationQuery query) =>
        Render<IntegrationFilters>(p => p.Add(x => x.Query, query));

    [Fact]
    public void CauseFilter_Opened_ListsTheShortLabelsNotTheSentences()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = RenderFilters(new IntegrationQuery());

        cut.Find("[data-testid=filter-cause] .mud-select-input").MouseDown();

        popovers.WaitForAssertion(() => popovers.FindAll(".mud-list-item").Count.ShouldBe(Enum.GetValues<FailureCause>().Length));
        var items = popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        items[0].ShouldBe(Console.Resources.SupportStrings.AnyCause);
        items.Skip(1).ShouldBe(Enum.GetValues<FailureCause>().Where(c => c != FailureCause.None).Select(FacebookText.CauseLabel));
        items.ShouldNotContain(FacebookText.Cause(FailureCause.PasswordChangedOrSecurityReset));
    }

    [Fact]
    public void CauseFilter_Chosen_ShowsItsShortLabelNotTheEnumName()
    {
        var cut = RenderFilters(new IntegrationQuery(Cause: FailureCause.PageRoleLost));

        cut.Find("[data-testid=filter-cause] input").GetAttribute("value").ShouldBe(FacebookText.CauseLabel(FailureCause.PageRoleLost));
    }

}
