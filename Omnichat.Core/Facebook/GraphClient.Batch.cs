using System.Text.Json;
using System.Text.Json.Nodes;
using Omnichat.Core.Facebook.Wire;

namespace Omnichat.Core.Facebook;

public sealed partial class GraphClient
{
    /// <summary>Meta's limit: at most 50 operations in one batch request (§11).</summary>
    public const int MaxBatchOperations = 50;

    /// <summary>Two calls per page with no backup tokens: debug_token and subscribed_apps.</summary>
    public const int MaxPagesPerBatch = MaxBatchOperations / 2;

    /// <summary>
    /// The health check's calls for pages whose operations (<see cref="PageToCheck.Operations"/>: two, plus one
    /// debug_token per backup token) fit one batch request. Each answer is parsed exactly like the single calls; a
    /// failure of the batch itself (rate limit, no answer) fails the whole result.
    /// </summary>
    public async Task<GraphResult<IReadOnlyList<PageHealthAnswer>>> CheckPagesAsync(IReadOnlyList<PageToCheck> pages, CancellationToken ct)
    {
        var count = pages.Sum(p => p.Operations);
        if (pages.Count == 0 || count > MaxBatchOperations)
        {
            throw new ArgumentOutOfRangeException(nameof(pages), count, $"1 page to {MaxBatchOperations} operations per batch");
        }
        var operations = new JsonArray();
        foreach (var page in pages)
        {
            // debug_token falls back to the batch's app token; subscribed_apps carries the page's own token.
            operations.Add(DebugTokenOperation(page.PageToken));
            operations.Add(new JsonObject
            {
                ["method"] = "GET",
                ["relative_url"] = $"{SubscribedAppsPath(page.PageId)}?{QueryString.Encode([new("access_token", page.PageToken)])}",
            });
            foreach (var backup in page.Backups)
            {
                operations.Add(DebugTokenOperation(backup));
            }
        }
        var batch = await SendAsync<JsonArrayDto>(HttpMethod.Post, "",
        [
            new("access_token", $"{Facebook.AppId}|{Facebook.AppSecret}"),
            new("include_headers", "false"),
            new("batch", operations.ToJsonString()),
        ], ct);
        if (!batch.IsSuccess)
        {
            return GraphResult<IReadOnlyList<PageHealthAnswer>>.Failure(batch.Error);
        }
        var items = batch.Value.Items;
        var answers = new List<PageHealthAnswer>(pages.Count);
        var index = 0;
        foreach (var page in pages)
        {
            var token = TokenItem(items, index++);
            var subscriptions = Item<ListDto<SubscribedAppDto>>(items, index++, SubscribedAppsPath(page.PageId));
            var backups = new List<GraphResult<TokenDebugInfo>?>(page.Backups.Count);
            for (var b = 0; b < page.Backups.Count; b++)
            {
                backups.Add(TokenItem(items, index++));
            }
            answers.Add(new PageHealthAnswer(page.PageId, token, subscriptions is null ? null : ToSubscribedApps(subscriptions), backups));
        }
        return GraphResult<IReadOnlyList<PageHealthAnswer>>.Success(answers);
    }

    private static JsonObject DebugTokenOperation(string token) => new()
    {
        ["method"] = "GET",
        ["relative_url"] = $"debug_token?{QueryString.Encode([new("input_token", token)])}",
    };

    private GraphResult<TokenDebugInfo>? TokenItem(IReadOnlyList<JsonElement> items, int index) =>
        Item<DebugTokenDto>(items, index, "debug_token") switch
        {
            null => null,
            { IsSuccess: true } token => ToTokenDebugInfo(token.Value, "debug_token"),
            var failed => GraphResult<TokenDebugInfo>.Failure(failed.Error),
        };

    // A batch item is {code, headers?, body} with body a JSON string, or null when the batch timed out first.
    private GraphResult<TDto>? Item<TDto>(IReadOnlyList<JsonElement> items, int index, string path) where TDto : class
    {
        if (index >= items.Count || items[index].ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var item = items[index];
        var code = item.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
        var body = item.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() ?? "" : "";
        return Interpret<TDto>(HttpMethod.Get, path, code, null, body);
    }
}
