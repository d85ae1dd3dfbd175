using Microsoft.AspNetCore.Components;
using Omnichat.Console.Endpoints;

namespace Omnichat.Console.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    /// <summary>Redirects after sign-in; a missing or off-site return URL goes to the start page instead.</summary>
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalUrl.IsLocal(uri) ? uri! : "/");
}
