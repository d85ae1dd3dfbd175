using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook.Wire;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core.Facebook;

/// <summary>
/// The console's only door to the Graph API (or the built-in sandbox, which serves the same wire shapes).
/// Every expected failure comes back as a <see cref="GraphError"/> value; only cancellation and bugs throw.
/// Request URIs are relative without a leading slash so the configured version root is kept.
/// </summary>
public sealed partial class GraphClient(HttpClient http, IOptions<FacebookOptions> options, GraphUsageMonitor usage, OmnichatMetrics metrics,
    ILogger<GraphClient> logger)
{
    /// <summary>
    /// How many pages of <c>me/accounts</c> are read at most (25,000 Facebook pages): a loop guard far above any real
    /// admin's page count. It was 100 (2,500 pages), which silently cut a 10,000-page agency account short.
    /// </summary>
    public const int MaxAccountPages = 1000;

    private const string AccountFields = "id,name,access_token,tasks,picture";
    private const int AccountPageSize = 25;

    private FacebookOptions Facebook => options.Value;

    public async Task<GraphResult<AccessToken>> ExchangeCodeAsync(string code, string redirectUri, CancellationToken ct)
    {
        // redirect_uri must be byte-for-byte the one the dialog got, or Meta answers 100/36008.
        var result = await SendAsync<AccessTokenDto>(HttpMethod.Get, "oauth/access_token",
        [
            new("client_id", Facebook.AppId),
            new("redirect_uri", redirectUri),
            new("client_secret", Facebook.AppSecret),
            new("code", code),
        ], ct);
        return ToAccessToken(result, "oauth/access_token");
    }

    public async Task<GraphResult<AccessToken>> ExchangeForLongLivedUserTokenAsync(string userToken, CancellationToken ct)
    {
        var result = await SendAsync<AccessTokenDto>(HttpMethod.Get, "oauth/access_token",
        [
            new("grant_type", "fb_exchange_token"),
            new("client_id", Facebook.AppId),
            new("client_secret", Facebook.AppSecret),
            new("fb_exchange_token", userToken),
        ], ct);
        return ToAccessToken(result, "oauth/access_token");
    }

    /// <summary>
    /// Inspects a token with the app token. An invalid <paramref name="inputToken"/> is a successful call whose
    /// <see cref="TokenDebugInfo.Error"/> is set; only a problem with the call itself is a failure.
    /// </summary>
    public async Task<GraphResult<TokenDebugInfo>> DebugTokenAsync(string inputToken, CancellationToken ct)
    {
        const string endpoint = "debug_token";
        var result = await SendAsync<DebugTokenDto>(HttpMethod.Get, endpoint,
        [
            new("input_token", inputToken),
            new("access_token", $"{Facebook.AppId}|{Facebook.AppSecret}"),
        ], ct);
        if (!result.IsSuccess)
        {
            return GraphResult<TokenDebugInfo>.Failure(result.Error);
        }
        return ToTokenDebugInfo(result.Value, endpoint);
    }

    private GraphResult<TokenDebugInfo> ToTokenDebugInfo(DebugTokenDto dto, string endpoint)
    {
        if (dto.Data is not { } data)
        {
            return Unexpected<TokenDebugInfo>(HttpMethod.Get, endpoint, "the answer has no data object");
        }
        return GraphResult<TokenDebugInfo>.Success(new TokenDebugInfo(
            data.AppId,
            data.Type,
            data.IsValid,
            FromUnixSeconds(data.ExpiresAt),
            FromUnixSeconds(data.DataAccessExpiresAt),
            data.ProfileId,
            data.UserId,
            data.Scopes ?? [],
            (data.GranularScopes ?? [])
                .Where(g => !string.IsNullOrEmpty(g.Scope))
                .Select(g => new GranularScope(g.Scope!, g.TargetIds))
                .ToList(),
            data.Error?.ToGraphError(httpStatus: null, traceHeader: null)));
    }

    public async Task<GraphResult<FacebookUser>> GetMeAsync(string userToken, CancellationToken ct)
    {
        const string endpoint = "me";
        var result = await SendAsync<UserDto>(HttpMethod.Get, endpoint,
            [new("fields", "id,name"), new("access_token", userToken)], ct);
        if (!result.IsSuccess)
        {
            return GraphResult<FacebookUser>.Failure(result.Error);
        }
        return string.IsNullOrEmpty(result.Value.Id)
            ? Unexpected<FacebookUser>(HttpMethod.Get, endpoint, "the answer has no id")
            : GraphResult<FacebookUser>.Success(new FacebookUser(result.Value.Id, result.Value.Name ?? ""));
    }

    /// <summary>What the user granted, declined or let expire. It does not say which pages: see debug_token's granular scopes.</summary>
    public async Task<GraphResult<IReadOnlyList<PermissionGrant>>> GetPermissionsAsync(string userToken, CancellationToken ct)
    {
        var result = await SendAsync<ListDto<PermissionDto>>(HttpMethod.Get, "me/permissions",
            [new("access_token", userToken)], ct);
        if (!result.IsSuccess)
        {
            return GraphResult<IReadOnlyList<PermissionGrant>>.Failure(result.Error);
        }
        IReadOnlyList<PermissionGrant> grants = (result.Value.Data ?? [])
            .Where(p => !string.IsNullOrEmpty(p.Permission))
            .Select(p => new PermissionGrant(p.Permission!, p.Status ?? ""))
            .ToList();
        return GraphResult<IReadOnlyList<PermissionGrant>>.Success(grants);
    }

    /// <summary>
    /// The pages the user granted us, with their page tokens. Pages the user did not select in the dialog are
    /// simply absent (no error), and business-portfolio pages need business_management.
    /// </summary>
    public async Task<GraphResult<IReadOnlyList<PageAccount>>> GetPageAccountsAsync(string userToken, CancellationToken ct)
    {
        const string endpoint = "me/accounts";
        var pages = new List<PageAccount>();
        string? after = null;
        for (var request = 0; request < MaxAccountPages; request++)
        {
            List<KeyValuePair<string, string>> parameters =
            [
                new("fields", AccountFields),
                new("limit", AccountPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("access_token", userToken),
            ];
            if (after is not null)
            {
                parameters.Add(new("after", after));
            }

            var result = await SendAsync<ListDto<PageAccountDto>>(HttpMethod.Get, endpoint, parameters, ct);
            if (!result.IsSuccess)
            {
                return GraphResult<IReadOnlyList<PageAccount>>.Failure(result.Error);
            }
            pages.AddRange((result.Value.Data ?? [])
                .Where(p => !string.IsNullOrEmpty(p.Id))
                .Select(p => new PageAccount(p.Id!, p.Name ?? "", p.AccessToken, p.Tasks ?? [], p.Picture?.Data?.Url)));

            // Cursors are always present; `next` only when more exist. Follow the cursor, never the absolute next
            // URL: it names another host and repeats the token in its query string.
            var cursor = result.Value.Paging?.Cursors?.After;
            if (string.IsNullOrEmpty(result.Value.Paging?.Next) || string.IsNullOrEmpty(cursor) || cursor == after)
            {
                return GraphResult<IReadOnlyList<PageAccount>>.Success(pages);
            }
            after = cursor;
        }

        GraphClientLog.PagingCapped(logger, endpoint, MaxAccountPages);
        return GraphResult<IReadOnlyList<PageAccount>>.Success(pages);
    }

    /// <summary>Installs our app on the page for <paramref name="fields"/> (needs the MODERATE task and pages_manage_metadata).</summary>
    public async Task<GraphResult<bool>> SubscribeAppAsync(string pageId, string pageToken, IReadOnlyCollection<string> fields,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var result = await SendAsync<SuccessDto>(HttpMethod.Post, SubscribedAppsPath(pageId),
            [new("subscribed_fields", string.Join(',', fields)), new("access_token", pageToken)], ct);
        return ToSuccessFlag(result, HttpMethod.Post, SubscribedAppsPath(pageId));
    }

    /// <summary>Only the calling app is listed; an empty list means Meta dropped (or never had) our subscription.</summary>
    public async Task<GraphResult<IReadOnlyList<SubscribedApp>>> GetSubscribedAppsAsync(string pageId, string pageToken,
        CancellationToken ct)
    {
        var result = await SendAsync<ListDto<SubscribedAppDto>>(HttpMethod.Get, SubscribedAppsPath(pageId),
            [new("access_token", pageToken)], ct);
        return ToSubscribedApps(result);
    }

    private static GraphResult<IReadOnlyList<SubscribedApp>> ToSubscribedApps(GraphResult<ListDto<SubscribedAppDto>> result)
    {
        if (!result.IsSuccess)
        {
            return GraphResult<IReadOnlyList<SubscribedApp>>.Failure(result.Error);
        }
        IReadOnlyList<SubscribedApp> apps = (result.Value.Data ?? [])
            .Where(a => !string.IsNullOrEmpty(a.Id))
            .Select(a => new SubscribedApp(a.Id!, a.Name, a.SubscribedFields ?? []))
            .ToList();
        return GraphResult<IReadOnlyList<SubscribedApp>>.Success(apps);
    }

    /// <summary>Removes our app from the page, so Meta stops sending its events after a disconnect.</summary>
    public async Task<GraphResult<bool>> UnsubscribeAppAsync(string pageId, string pageToken, CancellationToken ct)
    {
        var result = await SendAsync<SuccessDto>(HttpMethod.Delete, SubscribedAppsPath(pageId),
            [new("access_token", pageToken)], ct);
        return ToSuccessFlag(result, HttpMethod.Delete, SubscribedAppsPath(pageId));
    }

    private static string SubscribedAppsPath(string pageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(pageId);
        return $"{Uri.EscapeDataString(pageId)}/subscribed_apps";
    }

    private GraphResult<AccessToken> ToAccessToken(GraphResult<AccessTokenDto> result, string endpoint)
    {
        if (!result.IsSuccess)
        {
            return GraphResult<AccessToken>.Failure(result.Error);
        }
        var dto = result.Value;
        return string.IsNullOrEmpty(dto.AccessToken)
            ? Unexpected<AccessToken>(HttpMethod.Get, endpoint, "the answer has no access_token")
            : GraphResult<AccessToken>.Success(new AccessToken(dto.AccessToken, dto.TokenType, dto.ExpiresIn));
    }

    private GraphResult<bool> ToSuccessFlag(GraphResult<SuccessDto> result, HttpMethod method, string endpoint)
    {
        if (!result.IsSuccess)
        {
            return GraphResult<bool>.Failure(result.Error);
        }
        return result.Value.Success is { } success
            ? GraphResult<bool>.Success(success)
            : Unexpected<bool>(method, endpoint, "the answer has no success flag");
    }

    private static DateTimeOffset? FromUnixSeconds(long? seconds) =>
        seconds is > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null; // 0 means "never expires"

    /// <summary>
    /// Sends one call. GET and DELETE carry the parameters (tokens included, as Meta documents) in the query
    /// string, POST in a form body; neither is ever logged.
    /// </summary>
    private async Task<GraphResult<TDto>> SendAsync<TDto>(HttpMethod method, string path,
        IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken ct)
        where TDto : class
    {
        using var request = method == HttpMethod.Post
            ? new HttpRequestMessage(method, path) { Content = new FormUrlEncodedContent(parameters) }
            : new HttpRequestMessage(method, $"{path}?{QueryString.Encode(parameters)}");

        HttpResponseMessage? response = null;
        GraphResult<TDto>? result = null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            usage.Observe(response.Headers);
            return result = Interpret<TDto>(method, path, (int)response.StatusCode, TraceHeader(response), body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout surfaces as a cancellation the caller did not ask for.
            return result = Unexpected<TDto>(method, path, "Facebook did not answer in time", timedOut: true);
        }
        catch (HttpRequestException ex)
        {
            // The exception text is not logged: it is not ours to vouch for. The error kind says enough.
            return result = Unexpected<TDto>(method, path, $"the connection failed ({ex.HttpRequestError})", (int?)ex.StatusCode);
        }
        finally
        {
            response?.Dispose();
            if (result is not null)
            {
                metrics.GraphCalled(method, path, result.Error, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
        }
    }

    // The body is the truth and the HTTP status only a hint: a 200 can carry an error object, and a 5xx
    // without Graph JSON (a proxy's HTML page) is no answer from Facebook at all.
    private GraphResult<TDto> Interpret<TDto>(HttpMethod method, string path, int status, string? traceHeader, string body)
        where TDto : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Unexpected<TDto>(method, path, "the answer is not Graph JSON", status);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var errorElement))
            {
                return ToFailure<TDto>(method, path, status, traceHeader, errorElement);
            }
            if (status is < 200 or > 299)
            {
                return Unexpected<TDto>(method, path, "an HTTP error without a Graph error object", status);
            }

            TDto? dto;
            try
            {
                dto = root.Deserialize<TDto>(GraphJson.Options);
            }
            catch (JsonException)
            {
                dto = null;
            }
            if (dto is null)
            {
                return Unexpected<TDto>(method, path, "the answer has an unexpected shape", status);
            }
            GraphClientLog.Answered(logger, method.Method, path, status);
            return GraphResult<TDto>.Success(dto);
        }
    }

    private GraphResult<TDto> ToFailure<TDto>(HttpMethod method, string path, int status, string? traceHeader, JsonElement errorElement)
    {
        ErrorDto? dto = null;
        if (errorElement.ValueKind == JsonValueKind.Object)
        {
            try
            {
                dto = errorElement.Deserialize<ErrorDto>(GraphJson.Options);
            }
            catch (JsonException)
            {
                dto = null;
            }
        }
        if (dto is null)
        {
            return Unexpected<TDto>(method, path, "the error object has an unexpected shape", status);
        }

        var error = dto.ToGraphError(status, traceHeader);
        GraphClientLog.GraphError(logger, method.Method, path, error.Code, error.Subcode, error.Type, error.HttpStatus,
            error.FbTraceId, TokenRedactor.Redact(error.Message));
        return GraphResult<TDto>.Failure(error);
    }

    private static string? TraceHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-fb-trace-id", out var values) ? values.FirstOrDefault() : null;

    private GraphResult<T> Unexpected<T>(HttpMethod method, string path, string reason, int? httpStatus = null, bool timedOut = false)
    {
        GraphClientLog.TransportFailure(logger, method.Method, path, httpStatus, reason);
        return GraphResult<T>.Failure(timedOut ? GraphError.Timeout(reason) : GraphError.Transport(reason, httpStatus));
    }
}
