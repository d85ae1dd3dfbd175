using MudBlazor;

namespace Omnichat.Console.Components.Shared;

/// <summary>
/// The one place that confirms actions and reports their results, so every page asks and answers the same way:
/// a confirmation before anything destructive, a snackbar with the outcome, details kept for errors.
/// </summary>
public sealed class ActionFeedback(IDialogService dialogs, ISnackbar snackbar)
{
    /// <param name="kind">Whether confirming is destructive, which colours the confirm button red. Destructive by
    /// default because that is what the console asks to confirm (disconnecting a page).</param>
    public async Task<bool> ConfirmAsync(string title, string message, string confirmText, string cancelText,
        ConfirmKind kind = ConfirmKind.Destructive)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.CancelText, cancelText },
            { d => d.Kind, kind },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters,
            new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });
        var answer = await dialog.Result;
        return answer is { Canceled: false };
    }

    /// <summary>A success supersedes what went wrong before it: earlier messages go, so an old error never sits beside it.</summary>
    public void Success(string message)
    {
        snackbar.Clear();
        snackbar.Add(message, Severity.Success);
    }

    /// <summary>
    /// The success of something finished in another tab (Facebook's dialog): it stays until closed, since the person
    /// comes back to this tab when they are done there, not within the few seconds a toast lasts.
    /// </summary>
    public void SuccessFromAnotherTab(string message)
    {
        snackbar.Clear();
        snackbar.Add(message, Severity.Success, StayUntilClosed);
    }

    /// <summary>On another page the results of this one's actions are noise: called when the user navigates.</summary>
    public void ClearAll() => snackbar.Clear();

    /// <summary>The newest outcome is the one that counts: earlier successes and warnings go; errors stay to be read.</summary>
    public void Warning(string message)
    {
        foreach (var earlier in snackbar.ShownSnackbars.Where(s => s.Severity != Severity.Error).ToList())
        {
            snackbar.Remove(earlier);
        }
        snackbar.Add(message, Severity.Warning);
    }

    /// <summary>Errors stay until closed, so there is time to read and copy the details.</summary>
    public void Error(string message) => snackbar.Add(message, Severity.Error, StayUntilClosed);

    private static void StayUntilClosed(SnackbarOptions options)
    {
        options.RequireInteraction = true;
        options.ShowCloseIcon = true;
    }
}
