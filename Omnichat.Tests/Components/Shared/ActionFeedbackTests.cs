using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Omnichat.Console.Components.Shared;

namespace Omnichat.Tests.Components.Shared;

/// <summary>Which toasts a person sees after several results: the newest outcome, and errors until they close them.</summary>
public sealed class ActionFeedbackTests : ComponentTestBase
{
    private ActionFeedback Feedback => new(Context.Services.GetRequiredService<IDialogService>(), Context.Services.GetRequiredService<ISnackbar>());

    [Fact]
    public void Warning_AfterASuccess_ReplacesIt()
    {
        var snackbars = Render<MudSnackbarProvider>();

        Feedback.Success("已串接 1 個專頁");
        Feedback.Warning("0 個正常，1 個失效");

        snackbars.WaitForAssertion(() => snackbars.FindAll(".mud-snackbar").Select(s => s.TextContent.Trim()).ShouldBe(["0 個正常，1 個失效"]));
    }

    [Fact]
    public void Warning_AfterAnError_KeepsTheErrorToRead()
    {
        var snackbars = Render<MudSnackbarProvider>();

        Feedback.Error("無法連線到 Facebook");
        Feedback.Warning("0 個正常，1 個失效");

        snackbars.WaitForAssertion(() => snackbars.FindAll(".mud-snackbar").Count.ShouldBe(2));
        snackbars.Markup.ShouldContain("無法連線到 Facebook");
    }

    [Fact]
    public void Success_AfterAnError_ReplacesIt()
    {
        var snackbars = Render<MudSnackbarProvider>();

        Feedback.Error("無法連線到 Facebook");
        Feedback.Success("已解除串接");

        snackbars.WaitForAssertion(() => snackbars.FindAll(".mud-snackbar").Select(s => s.TextContent.Trim()).ShouldBe(["已解除串接"]));
    }
}
