namespace Omnichat.Core.Facebook;

/// <summary>The Meta app the console acts as. Defaults point at the built-in sandbox on this console.</summary>
public sealed class FacebookOptions
{
    public const string SectionName = "Facebook";

    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";
    /// <summary>Facebook Login for Business configuration id; when empty the dialog asks for <see cref="Scopes"/>.</summary>
    public string ConfigId { get; set; } = "";
    /// <summary>
    /// A Facebook Login for Business configuration whose token type is Business Integration System User: with it,
    /// team admins get a second button that authorizes as the client business's system user, tied to no person.
    /// Empty: the feature is off. Null (not configured): off, except that the sandbox fills in its own configuration.
    /// </summary>
    public string? SystemUserConfigId { get; set; }
    public string GraphApiVersion { get; set; } = "v25.0";
    /// <summary>e.g. https://graph.facebook.com, or http://127.0.0.1:5000/sandbox/graph for the sandbox.</summary>
    public string GraphBaseUrl { get; set; } = "";
    /// <summary>e.g. https://www.facebook.com, or http://127.0.0.1:5000/sandbox/dialog for the sandbox.</summary>
    public string DialogBaseUrl { get; set; } = "";
    /// <summary>The webhook handshake's verify token; when empty, one is generated once and kept in the database.</summary>
    public string WebhookVerifyToken { get; set; } = "";
    /// <summary>The app has Meta's Human Agent feature: replies may go out with the HUMAN_AGENT tag up to 7 days.</summary>
    public bool HumanAgentEnabled { get; set; }
    /// <summary>Permissions a Messenger inbox needs.</summary>
    public string[] Scopes { get; set; } =
        ["pages_show_list", "pages_messaging", "pages_manage_metadata", "pages_read_engagement", "business_management"];

    /// <summary>Whether team admins may authorize as a business's system user (a configuration id is set).</summary>
    public bool SystemUserEnabled => !string.IsNullOrWhiteSpace(SystemUserConfigId);

    public Uri GraphVersionRoot => new($"{GraphBaseUrl.TrimEnd('/')}/{GraphApiVersion}/");
}
