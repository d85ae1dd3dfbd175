using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Omnichat.Console.Components.Shared;

namespace Omnichat.Tests.Components.Shared;

/// <summary>The confirm button's colour comes from what the caller says the action is, not from its words.</summary>
public sealed class ConfirmDialogTests : ComponentTestBase
{
    [Theory]
    [InlineData(ConfirmKind.Destructive, "mud-button-filled-error", "mud-button-filled-primary")]
    [InlineData(ConfirmKind.Neutral, "mud-button-filled-primary", "mud-button-filled-error")]
    public async Task ConfirmAsync_Kind_ColoursTheConfirmButton(ConfirmKind kind, string expected, string notExpected)
    {
        var dialogs = Render<MudDialogProvider>();
        var feedback = Context.Services.GetRequiredService<ActionFeedback>();

        // The same words either way: only the kind decides.
        var answer = Context.Renderer.Dispatcher.InvokeAsync(() => feedback.ConfirmAsync("標題", "內容", "解除串接", "取消", kind));

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-yes]").ClassList.ShouldContain(expected));
        dialogs.Find("[data-testid=confirm-yes]").ClassList.ShouldNotContain(notExpected);
        dialogs.Find("[data-testid=confirm-cancel]").Click();
        (await answer.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeFalse("cancelled");
    }

    [Fact]
    public async Task ConfirmAsync_Confirmed_AnswersTrue()
    {
        var dialogs = Render<MudDialogProvider>();
        var feedback = Context.Services.GetRequiredService<ActionFeedback>();

        var answer = Context.Renderer.Dispatcher.InvokeAsync(() => feedback.ConfirmAsync("標題", "內容", "確定", "取消", ConfirmKind.Neutral));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-yes]"));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        (await answer.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
    }
}
