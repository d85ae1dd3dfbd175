using Omnichat.Core.Facebook.Wire;

namespace Omnichat.Core.Facebook;

/// <summary>
/// The calls of a Facebook Login for Business consent whose configuration issues Business Integration System User
/// tokens. The code exchange is <see cref="ExchangeCodeAsync"/> as for a person, with no long-lived step: such a token
/// does not expire. Page tokens come from <see cref="GetPageAccountsAsync"/> with the system user's token, as for a
/// person (the system user is "me").
/// </summary>
/// <remarks>
/// Read 2026-12-02. "Facebook Login for Business Configuration Using Conversions API Template"
/// (developers.facebook.com/documentation/facebook-login/facebook-login-for-business/conversions-api-integration-template,
/// updated 2026-06-30): step 3 exchanges the authorization code for a business integration system user (BISU) access
/// token, step 4 retrieves the client business id from that token. "System Users: API Calls"
/// (developers.facebook.com/docs/business-management-apis/system-users/guides/api-calls, no date shown): with a system
/// user token, <c>GET /me/accounts</c> returns each page with its <c>access_token</c>, "me" being the system user.
/// Not found in Meta's documentation: what <c>debug_token</c> answers for a system user's page token. We rely on none
/// of it (the grant's kind is what the console knows, from the dialog it opened); the sandbox answers type "PAGE",
/// user_id the system user, profile_id the page and expires_at 0 (never), and "SYSTEM_USER" for the system user's own
/// token, which is unverified (facebook-graph-api.md §16).
/// </remarks>
public sealed partial class GraphClient
{
    /// <summary>
    /// Who a system-user token belongs to: <c>GET me?fields=id,name,client_business_id</c>. A token without a client
    /// business (a person's, from a configuration of user tokens) is an unexpected answer, not a system user.
    /// </summary>
    public async Task<GraphResult<SystemUser>> GetSystemUserAsync(string systemUserToken, CancellationToken ct)
    {
        const string endpoint = "me";
        var result = await SendAsync<UserDto>(HttpMethod.Get, endpoint,
            [new("fields", "id,name,client_business_id"), new("access_token", systemUserToken)], ct);
        if (!result.IsSuccess)
        {
            return GraphResult<SystemUser>.Failure(result.Error);
        }
        if (string.IsNullOrEmpty(result.Value.Id))
        {
            return Unexpected<SystemUser>(HttpMethod.Get, endpoint, "the answer has no id");
        }
        return string.IsNullOrEmpty(result.Value.ClientBusinessId)
            ? Unexpected<SystemUser>(HttpMethod.Get, endpoint, "the answer has no client_business_id: not a system user's token")
            : GraphResult<SystemUser>.Success(new SystemUser(result.Value.Id, result.Value.Name ?? "", result.Value.ClientBusinessId));
    }
}
