using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;

namespace Omnichat.Console.Endpoints;

/// <summary>
/// Meta's deauthorize callback: a user removed our app. Instead of waiting for the hourly run, that user's
/// connections are checked at once, so the banner and the e-mail follow within seconds.
/// </summary>
public static class FacebookDeauthorizeEndpoints
{
    public const string Path = "/webhooks/facebook/deauthorize";

    public static IEndpointRouteBuilder MapFacebookDeauthorizeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, IntegrationChecker checker, IOptions<FacebookOptions> facebook,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(FacebookDeauthorizeEndpoints));
        string? signedRequest = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            signedRequest = form["signed_request"];
        }
        var userId = SignedRequest.ReadUserId(signedRequest, facebook.Value.AppSecret);
        if (userId is null)
        {
            logger.LogWarning("Rejected a deauthorize callback with a missing or wrongly signed signed_request");
            return TypedResults.BadRequest(new { error = "signed_request is missing or its signature is wrong" });
        }
        logger.LogInformation("Facebook user {FacebookUserId} removed the app; checking their connections now", userId);
        var summary = await checker.CheckAsync(CheckScope.FacebookUser(userId), null, cancellationToken);
        return TypedResults.Ok(new { checkedConnections = summary.Checked });
    }
}
