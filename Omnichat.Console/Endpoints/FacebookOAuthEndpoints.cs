using System.Security.Claims;
using Omnichat.Console.Components.Account;
using Omnichat.Core.Channels;

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

    private static async Task<IResult> StartAsync(HttpContext http, ClaimsPrincipal user, ConsentService consent,
        OAuthPurpose? purpose, Guid? connectionId, CancellationToken cancellationToken)
    {
        if (purpose is null)
        {
            return TypedResults.BadRequest("purpose must be Connect, Reauthorize or EditSettings.");
        }
        var redirectUri = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{CallbackPath}";
        var dialog = await consent.BeginAsync(user.ToCaller(), purpose.Value, connectionId, redirectUri, cancellationToken);
        return dialog is null ? TypedResults.Forbid() : TypedResults.Redirect(dialog.ToString());
    }
}
