using System.Net;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox;

/// <summary>Page pictures for <c>picture.data.url</c>: a coloured square with the page's initial, so the console needs no internet.</summary>
public static class PictureEndpoint
{
    private static readonly string[] Colours = ["#1877F2", "#42B72A", "#F02849", "#F7B928", "#8A3AB9", "#00A3A3"];

    public static IEndpointRouteBuilder MapSandboxPictures(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/picture/{pageId}.svg", (string pageId, SandboxWorld world) =>
        {
            var name = world.Read((state, _) => state.FindPage(pageId)?.Name);
            if (name is null)
            {
                return Results.NotFound();
            }
            var initial = WebUtility.HtmlEncode(name.Replace("Demo Shop ", "", StringComparison.Ordinal)[..1]);
            var colour = Colours[pageId.Sum(c => c) % Colours.Length];
            var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50" viewBox="0 0 50 50"><rect width="50" height="50" rx="8" fill="{colour}"/><text x="25" y="33" font-size="24" text-anchor="middle" fill="#fff" font-family="sans-serif">{initial}</text></svg>""";
            return Results.Text(svg, "image/svg+xml");
        }).AllowAnonymous().ExcludeFromDescription();
        // profile_pic of the User Profile API: a plain coloured circle, since the name lives per page and the URL does not.
        app.MapGet("/sandbox/picture/customer/{psid}.svg", (string psid) =>
        {
            var colour = Colours[psid.Sum(c => c) % Colours.Length];
            var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50" viewBox="0 0 50 50"><circle cx="25" cy="25" r="25" fill="{colour}"/></svg>""";
            return Results.Text(svg, "image/svg+xml");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
