using System.Text;

namespace Omnichat.Core.Facebook;

/// <summary>Builds the Facebook Login (for Business) dialog URL the admin's browser is sent to.</summary>
public static class ConsentDialogUrl
{
    /// <param name="rerequest">Ask again for permissions the user declined; without it the dialog silently skips them.</param>
    public static Uri Build(FacebookOptions options, string redirectUri, string state, bool rerequest)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(redirectUri);
        ArgumentException.ThrowIfNullOrEmpty(state);

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("client_id", options.AppId),
            new("redirect_uri", redirectUri),
            new("state", state),
            new("response_type", "code"),
        };
        // Login for Business fixes permissions and assets in the configuration; classic Login asks by scope.
        parameters.Add(string.IsNullOrEmpty(options.ConfigId)
            ? new("scope", string.Join(',', options.Scopes))
            : new("config_id", options.ConfigId));
        if (rerequest)
        {
            parameters.Add(new("auth_type", "rerequest"));
        }

        return ToUri(options, parameters);
    }

    /// <summary>
    /// The dialog of the system-user configuration (<see cref="FacebookOptions.SystemUserConfigId"/>): the person
    /// who opens it chooses their business and its pages, and the code it returns exchanges for the business's
    /// Business Integration System User token.
    /// </summary>
    /// <remarks>
    /// What Meta says (read 2026-12-02): "Facebook Login for Business" (developers.facebook.com/documentation/
    /// facebook-login/facebook-login-for-business, updated 2026-05-05) — the configuration fixes the access token type,
    /// assets and permissions; system-user tokens are "associated with your business client's business account rather
    /// than a specific user", for actions "without having to rely on input from an app user, or require
    /// re-authentication at a future date", and are invalidated only when the client removes the app under Business
    /// Settings > Integrations > Connected Apps. The dialog takes <c>config_id</c> instead of <c>scope</c>;
    /// <c>response_type=code</c> with <c>override_default_response_type=true</c> asks for the code (the token types of a
    /// configuration otherwise decide the response). The stored excerpts of Meta's page do not list these two
    /// parameters; they are the ones Meta's Login for Business and Embedded Signup integrations pass (FB.login's
    /// options, whose public uses note "must be set to 'code' for System User access token"), sent here on the
    /// redirect dialog. Declined permissions cannot be asked again (a configuration must be granted whole), so no
    /// <c>auth_type=rerequest</c>.
    /// </remarks>
    public static Uri BuildSystemUser(FacebookOptions options, string redirectUri, string state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(redirectUri);
        ArgumentException.ThrowIfNullOrEmpty(state);
        if (!options.SystemUserEnabled)
        {
            throw new InvalidOperationException("Facebook:SystemUserConfigId is not set; the system-user dialog is off.");
        }
        return ToUri(options,
        [
            new("client_id", options.AppId),
            new("redirect_uri", redirectUri),
            new("state", state),
            new("config_id", options.SystemUserConfigId!),
            new("response_type", "code"),
            new("override_default_response_type", "true"),
        ]);
    }

    private static Uri ToUri(FacebookOptions options, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var url = new StringBuilder()
            .Append(options.DialogBaseUrl.TrimEnd('/'))
            .Append('/').Append(Uri.EscapeDataString(options.GraphApiVersion))
            .Append("/dialog/oauth?")
            .Append(QueryString.Encode(parameters));
        return new Uri(url.ToString(), UriKind.Absolute);
    }
}
