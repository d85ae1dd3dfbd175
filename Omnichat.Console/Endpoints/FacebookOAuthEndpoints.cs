using System.Security.Claims;
using Omnichat.Console.Components.Account;
using Microsoft.Extensions.Options;
using Omnichat.Core.Channels;
using Omnichat.Core.Deployment;

namespace Omnichat.Console.Endpoints;

/// <summary>
/// Opens Facebook's consent dialog. The console's buttons link here with target=_blank, so the dialog opens in a
/// new tab as the help page describes, and the state is bound to the signed-in user and team on the server.
/// </summary>
public static class FacebookOAuthEndpoints
{
    public const string StartPath = "/facebook/oauth/start";
    public const string CallbackPath = "/facebook/oauth/callback";

    public static IEndpointRouteBuilder MapFacebookOAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, StartAsync).RequireAuthorization(Policies.TeamAdmin);
        return app;
    }

    public static string StartUrl(OAuthPurpose purpose, Guid? connectionId = null) =>
        connectionId is Guid id ? $"{StartPath.TrimStart('/')}?purpose={purpose}&connectionId={id}" : $"{StartPath.TrimStart('/')}?purpose={purpose}";

    private static async Task<IResult> StartAsync(ClaimsPrincipal user, ConsentService consent, IOptions<ConsoleOptions> console,
        OAuthPurpose? purpose, Guid? connectionId, CancellationToken cancellationToken)
    {
        if (purpose is null)
        {
            return TypedResults.BadRequest("purpose must be Connect, Reauthorize, EditSettings or ConnectSystemUser.");
        }
        // From configuration, never the Host header: a forged Host must not become the address Facebook sends the code to.
        var redirectUri = console.Value.Link(CallbackPath);
        var dialog = await consent.BeginAsync(user.ToCaller(), purpose.Value, connectionId, redirectUri, cancellationToken);
        return dialog is null ? TypedResults.Forbid() : TypedResults.Redirect(dialog.ToString());
    }
}
