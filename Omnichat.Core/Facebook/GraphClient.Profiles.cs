using Omnichat.Core.Facebook.Wire;

namespace Omnichat.Core.Facebook;

public sealed partial class GraphClient
{
    private const string ProfileFields = "first_name,last_name,profile_pic";

    /// <summary>
    /// The Messenger User Profile API: <c>GET {psid}?fields=first_name,last_name,profile_pic</c> with the token of the
    /// page the customer messaged. A PSID is page-scoped, so another page's token answers 100/33; a token without
    /// pages_messaging answers 230.
    /// </summary>
    public async Task<GraphResult<CustomerProfile>> GetCustomerProfileAsync(string psid, string pageToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(psid);
        var path = Uri.EscapeDataString(psid);
        var result = await SendAsync<CustomerProfileDto>(HttpMethod.Get, path,
            [new("fields", ProfileFields), new("access_token", pageToken)], ct);
        if (!result.IsSuccess)
        {
            return GraphResult<CustomerProfile>.Failure(result.Error);
        }
        var dto = result.Value;
        return GraphResult<CustomerProfile>.Success(new CustomerProfile(
            string.IsNullOrEmpty(dto.Id) ? psid : dto.Id,
            NullIfBlank(dto.FirstName),
            NullIfBlank(dto.LastName),
            NullIfBlank(dto.ProfilePic)));
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
