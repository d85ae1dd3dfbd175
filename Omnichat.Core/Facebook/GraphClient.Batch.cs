using System.Text.Json;
using System.Text.Json.Nodes;
using Omnichat.Core.Facebook.Wire;

namespace Omnichat.Core.Facebook;

public sealed partial class GraphClient
{
    /// <summary>Meta's limit: at most 50 operations in one batch request (§11).</summary>
    public const int MaxBatchOperations = 50;

    /// <summary>Two calls per page: debug_token and subscribed_apps.</summary>
    public const int MaxPagesPerBatch = MaxBatchOperations / 2;

    /// <summary>
    /// The health check's two calls for up to <see cref="MaxPagesPerBatch"/> pages, as one batch request. Each page's
    /// answers are parsed exactly like the single calls; a failure of the batch itself (rate limit, no answer) fails
    /// the whole result.
    /// </summary>
    public async Task<GraphResult<IReadOnlyList<PageHealthAnswer>>> CheckPagesAsync(IReadOnlyList<PageToCheck> pages, CancellationToken ct)
    {
        if (pages.Count is 0 or > MaxPagesPerBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(pages), pages.Count, $"1 to {MaxPagesPerBatch} pages per batch");
        }
        var operations = new JsonArray();
        foreach (var page in pages)
        {
            // debug_token falls back to the batch's app token; subscribed_apps carries the page's own token.
            operations.Add(new JsonObject
            {
                ["method"] = "GET",
                ["relative_url"] = $"debug_token?{QueryString.Encode([new("input_token", page.PageToken)])}",
            });
            operations.Add(new JsonObject
            {
                ["method"] = "GET",
                ["relative_url"] = $"{SubscribedAppsPath(page.PageId)}?{QueryString.Encode([new("access_token", page.PageToken)])}",
            });
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
        for (var i = 0; i < pages.Count; i++)
        {
            var token = Item<DebugTokenDto>(items, 2 * i, "debug_token");
            var subscriptions = Item<ListDto<SubscribedAppDto>>(items, 2 * i + 1, SubscribedAppsPath(pages[i].PageId));
            answers.Add(new PageHealthAnswer(
                pages[i].PageId,
                token is null ? null : token.IsSuccess ? ToTokenDebugInfo(token.Value, "debug_token") : GraphResult<TokenDebugInfo>.Failure(token.Error),
                subscriptions is null ? null : ToSubscribedApps(subscriptions)));
        }
        return GraphResult<IReadOnlyList<PageHealthAnswer>>.Success(answers);
    }

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
