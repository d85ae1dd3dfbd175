using Microsoft.Net.Http.Headers;

namespace Omnichat.Console;

/// <summary>
/// Headers every response carries (pages, static files, endpoints, errors), whoever writes the response: they are
/// added when it starts, and only where the writer did not set its own.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Cross-origin requests (Facebook's dialog, links in e-mails) learn only our origin, never a path or query
    /// (a conversation id, the OAuth <c>state</c>); same-origin navigation, the sandbox's dialog included, keeps the
    /// full referrer.
    /// </summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>
    /// The policy Blazor sets on interactive pages (its <c>ContentSecurityFrameAncestorsPolicy</c> default), given to
    /// every other response too, so no page (the sign-in form above all) can be framed by another site.
    /// </summary>
    public const string ContentSecurityPolicy = "frame-ancestors 'self'";

    public static WebApplication UseOmnichatSecurityHeaders(this WebApplication app)
    {
        // Development runs on plain http://127.0.0.1, where a remembered HSTS policy would only get in the way.
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.Use((context, next) =>
        {
            context.Response.OnStarting(AddHeaders, context.Response);
            return next(context);
        });
        return app;
    }

    private static Task AddHeaders(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
        headers.TryAdd("Referrer-Policy", ReferrerPolicy);
        headers.TryAdd(HeaderNames.ContentSecurityPolicy, ContentSecurityPolicy);
        return Task.CompletedTask;
    }
}
