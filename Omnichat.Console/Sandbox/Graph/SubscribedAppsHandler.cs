using System.Text.Json;
using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary><c>POST|GET|DELETE {page-id}/subscribed_apps</c> with the page token (§5).</summary>
public sealed class SubscribedAppsHandler(SandboxWorld world, TokenInspector inspector, SandboxUrls urls, ILogger<SubscribedAppsHandler> logger)
{
    /// <summary>GET only reads (the health check asks for every page every hour); POST and DELETE change and save.</summary>
    public GraphResult Handle(GraphRequest request, string pageId) => request.Method == "GET"
        ? world.Read((state, now) => Answer(request, pageId, state, now))
        : world.Update((state, now) => Answer(request, pageId, state, now));

    private GraphResult Answer(GraphRequest request, string pageId, WorldState state, DateTimeOffset now)
    {
        var check = inspector.Inspect(state, request.AccessToken, now);
        if (check.Error is { } error)
        {
            return GraphResult.Fail(error);
        }
        if (state.FindPage(pageId) is not { } page)
        {
            return GraphResult.Fail(GraphErrors.UnknownAlias(pageId));
        }
        if (check.Token is not { Kind: TokenKind.Page } token)
        {
            return GraphResult.Fail(GraphErrors.PageTokenRequired);
        }
        if (token.PageId != page.Id)
        {
            return GraphResult.Fail(GraphErrors.WrongPageToken);
        }
        var result = request.Method switch
        {
            "POST" => Subscribe(request, page, state.AppId),
            "DELETE" => Unsubscribe(page, state.AppId),
            _ => List(page, state),
        };
        return result with { UsageObjectId = page.Id };
    }

    private GraphResult Subscribe(GraphRequest request, SandboxPage page, string appId)
    {
        var fields = ParseFields(request.Param("subscribed_fields"));
        if (fields is null)
        {
            return GraphResult.Fail(GraphErrors.MissingParameter("subscribed_fields"));
        }
        page.SubscribedApps[appId] = fields;
        logger.LogInformation("Sandbox page {PageId} subscribed app {AppId} to {FieldCount} fields", page.Id, appId, fields.Count);
        return GraphResult.Success();
    }

    private GraphResult Unsubscribe(SandboxPage page, string appId)
    {
        page.SubscribedApps.Remove(appId);
        logger.LogInformation("Sandbox page {PageId} unsubscribed app {AppId}", page.Id, appId);
        return GraphResult.Success();
    }

    /// <summary>Meta returns only the calling app, or an empty list when it is not installed.</summary>
    private GraphResult List(SandboxPage page, WorldState state)
    {
        var data = new JsonArray();
        if (page.SubscribedApps.TryGetValue(state.AppId, out var fields))
        {
            data.Add(new JsonObject
            {
                ["category"] = "Business",
                ["link"] = urls.ConsoleBaseUrl + "/",
                ["name"] = state.AppName,
                ["id"] = state.AppId,
                ["subscribed_fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]),
            });
        }
        return GraphResult.Ok(new JsonObject { ["data"] = data });
    }

    /// <summary>A comma list, or the JSON array some SDKs send.</summary>
    private static List<string>? ParseFields(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        IEnumerable<string> fields;
        if (value.TrimStart().StartsWith('['))
        {
            try
            {
                fields = JsonSerializer.Deserialize<string[]>(value) ?? [];
            }
            catch (JsonException)
            {
                return null;
            }
        }
        else
        {
            fields = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        var list = fields.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct().ToList();
        return list.Count == 0 ? null : list;
    }
}
