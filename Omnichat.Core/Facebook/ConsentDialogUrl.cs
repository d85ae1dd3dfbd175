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

        var url = new StringBuilder()
            .Append(options.DialogBaseUrl.TrimEnd('/'))
            .Append('/').Append(Uri.EscapeDataString(options.GraphApiVersion))
            .Append("/dialog/oauth?")
            .Append(QueryString.Encode(parameters));
        return new Uri(url.ToString(), UriKind.Absolute);
    }
}
