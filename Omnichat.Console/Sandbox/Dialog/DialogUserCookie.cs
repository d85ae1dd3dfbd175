namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>Which sandbox Facebook user is "logged in" in this browser; Dana Chen when none was picked.</summary>
public static class DialogUserCookie
{
    public const string Name = "sandbox_fb_user";

    public static string Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Name, out var id) && !string.IsNullOrWhiteSpace(id) ? id : World.DemoWorld.DanaId;

    public static void Write(HttpContext context, string userId) =>
        context.Response.Cookies.Append(Name, userId, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/sandbox",
            MaxAge = TimeSpan.FromDays(30),
        });
}
