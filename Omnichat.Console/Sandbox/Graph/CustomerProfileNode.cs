using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>
/// The Messenger User Profile API, <c>GET {psid}?fields=first_name,last_name,profile_pic</c> with a page token. A PSID is
/// scoped to one page: asked with another page's token, it does not exist (100/33), as on Meta.
/// </summary>
public static class CustomerProfileNode
{
    public static GraphResult Render(GraphRequest request, IssuedToken pageToken, SandboxPage page, string psid)
    {
        if (!pageToken.Scopes.Contains("pages_messaging"))
        {
            return GraphResult.Fail(GraphErrors.ProfileNeedsMessaging) with { UsageObjectId = page.Id };
        }
        if (!page.Customers.TryGetValue(psid, out var customer))
        {
            return GraphResult.Fail(GraphErrors.NotAccessible(psid)) with { UsageObjectId = page.Id };
        }
        var (firstName, lastName) = CustomerNames.Of(customer);
        var node = new JsonObject();
        foreach (var field in request.Fields("first_name", "last_name", "profile_pic"))
        {
            switch (field)
            {
                // Meta leaves out a field it has nothing for rather than sending an empty string.
                case "first_name" when firstName.Length > 0:
                    node["first_name"] = firstName;
                    break;
                case "last_name" when lastName.Length > 0:
                    node["last_name"] = lastName;
                    break;
                case "profile_pic":
                    node["profile_pic"] = $"{request.PublicBaseUrl}/sandbox/picture/customer/{Uri.EscapeDataString(psid)}.svg";
                    break;
            }
        }
        node["id"] = psid;
        return GraphResult.Ok(node) with { UsageObjectId = page.Id };
    }
}
