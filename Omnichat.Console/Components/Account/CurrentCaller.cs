using Microsoft.AspNetCore.Components.Authorization;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Components.Account;

/// <summary>
/// The signed-in <see cref="Caller"/> for pages and components: inject it and pass the caller to Core services.
/// Scoped, so it follows the circuit's (or the static request's) authentication state.
/// </summary>
public sealed class CurrentCaller(AuthenticationStateProvider authenticationStateProvider)
{
    /// <summary>The caller, or null when nobody is signed in.</summary>
    public async Task<Caller?> GetAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return state.User.IsSignedIn() ? state.User.ToCaller() : null;
    }

    /// <summary>The caller on a page behind [Authorize]; throws when nobody is signed in, which is a bug there.</summary>
    public async Task<Caller> GetRequiredAsync() =>
        await GetAsync() ?? throw new InvalidOperationException("No user is signed in; protect the page with [Authorize].");
}
