using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
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

    /// <summary>Meta's form is a few hundred bytes; anyone can post here, so nothing larger is read.</summary>
    public const int MaxBodyBytes = SignedRequest.MaxLength + 1024;

    public static IEndpointRouteBuilder MapFacebookDeauthorizeEndpoints(this IEndpointRouteBuilder app)
    {
        // The size limit also stops a chunked body, which has no Content-Length to refuse up front.
        app.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, IntegrationChecker checker, IOptions<FacebookOptions> facebook,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(FacebookDeauthorizeEndpoints));
        var signedRequest = await ReadSignedRequestAsync(request, cancellationToken);
        var userId = SignedRequest.ReadUserId(signedRequest, facebook.Value.AppSecret, time.GetUtcNow());
        if (userId is null)
        {
            logger.LogWarning("Rejected a deauthorize callback: the form or its signed_request is missing, malformed, wrongly signed or older than {MaxAge}",
                SignedRequest.MaxAge);
            return TypedResults.BadRequest(new { error = "signed_request is missing, malformed, wrongly signed or too old" });
        }
        logger.LogInformation("Facebook user {FacebookUserId} removed the app; checking their connections now", userId);
        var summary = await checker.CheckAsync(CheckScope.FacebookUser(userId), null, cancellationToken);
        return TypedResults.Ok(new { checkedConnections = summary.Checked });
    }

    /// <returns>The form's signed_request, or null when the body is not Meta's url-encoded form, too large or does not parse.</returns>
    private static async Task<string?> ReadSignedRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsUrlEncodedForm(request) || request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form["signed_request"];
        }
        // What the form reader and Kestrel throw for a body that breaks the limits or the format: bad input, not a bug.
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
