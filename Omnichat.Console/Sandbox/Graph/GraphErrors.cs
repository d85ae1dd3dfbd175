using System.Globalization;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>The errors the sandbox answers with; messages are Meta's verbatim where one is known (§1.3, §2, §8.2).</summary>
public static class GraphErrors
{
    public const string ImpersonationMessage =
        "(#190) Any of the pages_read_engagement, pages_manage_metadata, pages_read_user_content, pages_manage_ads, pages_show_list or pages_messaging permission(s) must be granted before impersonating a user's page.";

    public static GraphError CannotParseToken { get; } =
        new(190, "Invalid OAuth access token - Cannot parse access token", AuthenticateKind: GraphError.InvalidToken);

    public static GraphError TokenRequired { get; } =
        new(104, "An access token is required to request this resource.", AuthenticateKind: GraphError.InvalidToken);

    public static GraphError ActiveTokenForMe { get; } =
        new(2500, "An active access token must be used to query information about the current user.", AuthenticateKind: GraphError.InvalidToken);

    public static GraphError PageTokenRequired { get; } = new(210, "(#210) A page access token is required to request this resource.");

    public static GraphError DebugTokenCaller { get; } =
        new(100, "(#100) You must provide an app access token, or a user access token that is an owner or developer of the app");

    public static GraphError Impersonating { get; } = new(190, ImpersonationMessage, AuthenticateKind: GraphError.InvalidToken);

    // Meta publishes no verbatim text for 492; the subcode is what clients classify on.
    public static GraphError NotPageAdmin { get; } = new(190,
        "Error validating access token: The session is invalid because the user no longer has a suitable role on the Page.",
        492, AuthenticateKind: GraphError.InvalidToken);

    public static GraphError Transient { get; } = new(2, "An unexpected error has occurred. Please retry your request later.",
        HttpStatus: StatusCodes.Status500InternalServerError, IsTransient: true);

    public static GraphError RateLimited { get; } = new(4, "(#4) Application request limit reached",
        HttpStatus: StatusCodes.Status403Forbidden, IsTransient: true);

    public static GraphError CodeUsed { get; } = Code(100, "This authorization code has been used.", 36009);
    public static GraphError CodeExpired { get; } = Code(100, "This authorization code has expired.", 36007);
    public static GraphError CodeRedirectMismatch { get; } = Code(100,
        "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request", 36008);
    public static GraphError CodeInvalid { get; } = Code(100, "Invalid verification code format.", null);
    public static GraphError BadClientId { get; } = Code(101, "Error validating application. Invalid application ID.", null);
    public static GraphError BadClientSecret { get; } = Code(1, "Error validating client secret.", null);

    public static GraphError Killed(TokenState reason, string appId) => reason switch
    {
        TokenState.PasswordChanged => Token("Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.", 460),
        TokenState.TwoFactor => Token("Error validating access token: The session is invalid because the user logged out.", 467),
        TokenState.Checkpoint => Token("You cannot access the app till you log in to www.facebook.com and follow the instructions given.", 459) with { UserTitle = "Confirm your identity" },
        TokenState.AppRemoved => Token($"Error validating access token: The user has not authorized application {appId}.", 458),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Valid is not a reason to kill a session"),
    };

    /// <summary>Meta prints both times in Pacific time, e.g. "Wednesday, 16-Nov-22 07:45:51 PST".</summary>
    public static GraphError Expired(DateTimeOffset expiredAt, DateTimeOffset now) =>
        Token($"Error validating access token: Session has expired on {Pacific(expiredAt)}. The current time is {Pacific(now)}.", 463);

    public static GraphError MissingParameter(string name) => new(100, $"(#100) The parameter {name} is required");

    public static GraphError InvalidParameter(string message) => new(100, $"(#100) {message}");

    public static GraphError UnknownAlias(string id) => new(803, $"(#803) Some of the aliases you requested do not exist: {id}", HttpStatus: StatusCodes.Status404NotFound);

    public static GraphError NotAccessible(string id) => new(100,
        $"Unsupported get request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", 33,
        Type: GraphError.GraphMethodException);

    /// <summary>The User Profile API without pages_messaging (§8.3, observed).</summary>
    public static GraphError ProfileNeedsMessaging { get; } = new(230, "(#230) Requires pages_messaging permission to manage the object");

    public static GraphError UnknownPath(string path) => new(2500, $"Unknown path components: /{path}");

    public static GraphError NonexistingField(string field, string nodeType) =>
        new(100, $"(#100) Tried accessing nonexisting field ({field}) on node type ({nodeType})");

    public static GraphError WrongPageToken { get; } = new(200, "(#200) The Page access token does not belong to this Page");

    private static GraphError Token(string message, int subcode) =>
        new(190, message, subcode, AuthenticateKind: GraphError.InvalidToken);

    private static GraphError Code(int code, string message, int? subcode) =>
        new(code, message, subcode, AuthenticateKind: GraphError.InvalidCode);

    private static string Pacific(DateTimeOffset instant)
    {
        var zone = PacificZone();
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var abbreviation = zone.Id == "UTC" ? "UTC" : zone.IsDaylightSavingTime(local) ? "PDT" : "PST";
        return local.ToString("dddd, dd-MMM-yy HH:mm:ss", CultureInfo.InvariantCulture) + " " + abbreviation;
    }

    private static TimeZoneInfo PacificZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
