using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>Renders the fields of a page node the way /me/accounts and /{page-id} do.</summary>
public static class PageFields
{
    public static JsonObject Render(SandboxPage page, IEnumerable<string> fields, string publicBaseUrl, string? userId, Func<string?> pageToken)
    {
        var node = new JsonObject();
        foreach (var field in fields.Distinct())
        {
            switch (field)
            {
                case "id":
                    break;
                case "name":
                    node["name"] = page.Name;
                    break;
                case "category":
                    node["category"] = page.Category;
                    break;
                case "category_list":
                    node["category_list"] = new JsonArray(new JsonObject { ["id"] = "200600219953504", ["name"] = page.Category });
                    break;
                case "access_token":
                    if (pageToken() is { } token)
                    {
                        node["access_token"] = token;
                    }
                    break;
                case "tasks":
                    if (userId is not null && page.Roles.TryGetValue(userId, out var tasks))
                    {
                        node["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode)t)]);
                    }
                    break;
                case "picture":
                    node["picture"] = new JsonObject
                    {
                        ["data"] = new JsonObject
                        {
                            ["height"] = 50,
                            ["is_silhouette"] = false,
                            ["url"] = $"{publicBaseUrl}/sandbox/picture/{page.Id}.svg",
                            ["width"] = 50,
                        },
                    };
                    break;
                case "link":
                    node["link"] = $"{publicBaseUrl}/sandbox#page-{page.Id}";
                    break;
            }
        }
        // Meta puts the id last.
        node["id"] = page.Id;
        return node;
    }
}
