using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>
/// <c>POST /{version}/</c> with <c>batch</c> (§11): up to 50 operations, each answered as
/// <c>{code, headers?, body}</c> with the body a JSON string, and <c>null</c> for an operation that "timed out".
/// </summary>
public sealed class BatchHandler(GraphRouter router, TokenInspector inspector)
{
    public const int MaxOperations = 50;

    public GraphResult Handle(GraphRequest request, FaultSettings faults)
    {
        if (request.AccessToken is null)
        {
            return GraphResult.Fail(GraphErrors.MissingParameter("access_token"));
        }
        JsonArray? operations;
        try
        {
            operations = JsonNode.Parse(request.Param("batch") ?? "") as JsonArray;
        }
        catch (JsonException)
        {
            operations = null;
        }
        if (operations is null)
        {
            return GraphResult.Fail(GraphErrors.InvalidParameter("The parameter batch must be a JSON array"));
        }
        if (operations.Count > MaxOperations)
        {
            return GraphResult.Fail(GraphErrors.InvalidParameter($"Too many requests in batch message. Maximum batch size is {MaxOperations}"));
        }
        var includeHeaders = !string.Equals(request.Param("include_headers"), "false", StringComparison.OrdinalIgnoreCase);

        var results = new JsonArray();
        foreach (var operation in operations)
        {
            if (FaultInjector.DropsBatchItem(faults))
            {
                results.Add(null);
                continue;
            }
            var result = operation is JsonObject op && ToRequest(op, request) is { } inner
                ? (FaultInjector.Before(faults) is { } fault ? GraphResult.Fail(fault) : router.Dispatch(inner))
                : GraphResult.Fail(GraphErrors.InvalidParameter("Each batch operation needs a method and a relative_url"));
            var item = new JsonObject { ["code"] = result.StatusCode };
            if (includeHeaders)
            {
                var headers = new JsonArray();
                foreach (var (name, value) in GraphHeaders.For(result, request.Version, faults, inspector.AppId))
                {
                    headers.Add(new JsonObject { ["name"] = name, ["value"] = value });
                }
                item["headers"] = headers;
            }
            item["body"] = result.Body.ToJsonString();
            results.Add(item);
        }
        return GraphResult.Ok(results);
    }

    private static GraphRequest? ToRequest(JsonObject operation, GraphRequest batch)
    {
        var relativeUrl = operation["relative_url"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(relativeUrl))
        {
            return null;
        }
        var method = (operation["method"]?.GetValue<string>() ?? "GET").ToUpperInvariant();
        var queryStart = relativeUrl.IndexOf('?');
        var path = queryStart < 0 ? relativeUrl : relativeUrl[..queryStart];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (queryStart >= 0)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(relativeUrl[queryStart..]))
            {
                parameters[key] = value.ToString();
            }
        }
        if (operation["body"]?.GetValue<string>() is { Length: > 0 } body)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(body))
            {
                parameters[key] = value.ToString();
            }
        }
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var version = batch.Version;
        if (segments.Count > 0 && GraphRouter.VersionPattern().IsMatch(segments[0]))
        {
            version = segments[0];
            segments.RemoveAt(0);
        }
        // A token on the operation overrides the batch's fallback token.
        var token = parameters.GetValueOrDefault("access_token") is { Length: > 0 } own ? own : batch.AccessToken;
        return new GraphRequest(method, version, segments, parameters, token, batch.PublicBaseUrl);
    }
}
