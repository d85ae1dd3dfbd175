using System.Text.Json;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>The Graph API under <c>/sandbox/graph/{version}/...</c>, answering like graph.facebook.com.</summary>
public static class GraphEndpoint
{
    public static IEndpointRouteBuilder MapSandboxGraph(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/sandbox/graph/{**path}", ["GET", "POST", "DELETE"], HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task HandleAsync(
        HttpContext context,
        string? path,
        GraphRouter router,
        BatchHandler batch,
        FaultInjector faults,
        TokenInspector inspector,
        IOptions<FacebookOptions> facebook,
        CancellationToken cancellationToken)
    {
        var request = await ReadAsync(context, path, facebook.Value.GraphApiVersion, cancellationToken);
        var settings = faults.Current;
        await faults.DelayAsync(settings, cancellationToken);

        GraphResult result;
        var isBatch = request.Segments.Count == 0 && request.Method == "POST" && request.Param("batch") is not null;
        if (settings.RateLimited)
        {
            result = GraphResult.Fail(GraphErrors.RateLimited);
        }
        else if (isBatch)
        {
            // Each operation counts on its own, so transient faults are drawn per operation.
            result = batch.Handle(request, settings);
        }
        else
        {
            result = FaultInjector.Before(settings) is { } fault ? GraphResult.Fail(fault) : router.Dispatch(request);
        }

        context.Response.StatusCode = result.StatusCode;
        foreach (var (name, value) in GraphHeaders.For(result, request.Version, settings, inspector.AppId))
        {
            context.Response.Headers[name] = value;
        }
        await context.Response.WriteAsync(result.Body.ToJsonString(), cancellationToken);
    }

    private static async Task<GraphRequest> ReadAsync(HttpContext context, string? path, string defaultVersion, CancellationToken cancellationToken)
    {
        var http = context.Request;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in http.Query)
        {
            parameters[key] = value.ToString();
        }
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters[key] = value.ToString();
            }
        }
        else if (http.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            await ReadJsonBodyAsync(http, parameters, cancellationToken);
        }

        var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var version = defaultVersion;
        if (segments.Count > 0 && GraphRouter.VersionPattern().IsMatch(segments[0]))
        {
            version = segments[0];
            segments.RemoveAt(0);
        }
        // Graph honours a method parameter, e.g. ?method=delete on a GET.
        var overridden = parameters.GetValueOrDefault("method")?.ToUpperInvariant();
        var method = overridden is "GET" or "POST" or "DELETE" ? overridden : http.Method.ToUpperInvariant();

        var token = parameters.GetValueOrDefault("access_token");
        if (string.IsNullOrEmpty(token) && http.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            var parts = authorization.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && (parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("OAuth", StringComparison.OrdinalIgnoreCase)))
            {
                token = parts[1];
            }
        }
        var publicBaseUrl = $"{http.Scheme}://{http.Host}{http.PathBase}";
        return new GraphRequest(method, version, segments, parameters, string.IsNullOrEmpty(token) ? null : token, publicBaseUrl);
    }

    private static async Task ReadJsonBodyAsync(HttpRequest http, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }
        catch (JsonException)
        {
            // Meta ignores a body it cannot read; the missing parameters then produce the usual (#100) errors.
        }
    }
}
