using Microsoft.AspNetCore.Localization;
using Omnichat.Console.Localization;

namespace Omnichat.Console.Endpoints;

/// <summary>The language switch: <c>GET /culture?name=en&amp;redirectUri=/channels/facebook</c>.</summary>
public static class CultureEndpoints
{
    public const string Path = "/culture";

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, SetCulture).AllowAnonymous();
        return app;
    }

    /// <summary>The link the language switch follows to pick <paramref name="culture"/> and come back.</summary>
    public static string UriFor(string culture, string redirectUri) =>
        $"{Path.TrimStart('/')}?name={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(redirectUri)}";

    private static IResult SetCulture(string? name, string? redirectUri, HttpContext context)
    {
        var culture = ConsoleCultures.Find(name);
        if (culture is null)
        {
            return TypedResults.BadRequest($"Unsupported language '{name}'.");
        }
        var target = string.IsNullOrEmpty(redirectUri) ? "/" : redirectUri;
        // Only our own pages: a redirect to anywhere would make this endpoint an open redirector.
        if (!LocalUrl.IsLocal(target))
        {
            return TypedResults.BadRequest("redirectUri must be a path on this site.");
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture.Name)),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
        return TypedResults.LocalRedirect(target);
    }
}
