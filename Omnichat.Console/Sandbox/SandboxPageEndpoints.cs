using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Omnichat.Console.Sandbox;

/// <summary>
/// Razor pages are found by scanning the assembly, so the console and the sandbox get each other's pages as endpoints
/// (which fail for want of each other's services). These filter one side's pages out of the app's endpoint sources.
/// </summary>
internal static class SandboxPageEndpoints
{
    /// <summary>The console without the sandbox: every endpoint under /sandbox goes.</summary>
    public static void RemoveFrom(IEndpointRouteBuilder app) => Filter(app, endpoint => !IsUnderSandbox(endpoint));

    /// <summary>The sandbox on its own: the console's pages go; Blazor's own endpoints and static assets stay.</summary>
    public static void KeepOnlySandboxPages(IEndpointRouteBuilder app) =>
        Filter(app, endpoint => endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is null || IsUnderSandbox(endpoint));

    private static void Filter(IEndpointRouteBuilder app, Func<Endpoint, bool> keep)
    {
        var sources = app.DataSources.ToList();
        app.DataSources.Clear();
        foreach (var source in sources)
        {
            app.DataSources.Add(new Filtered(source, keep));
        }
    }

    private static bool IsUnderSandbox(Endpoint endpoint) =>
        endpoint is RouteEndpoint route
        && (route.RoutePattern.RawText ?? "").TrimStart('~').StartsWith(SandboxUrls.PathPrefix, StringComparison.OrdinalIgnoreCase);

    private sealed class Filtered(EndpointDataSource inner, Func<Endpoint, bool> keep) : EndpointDataSource
    {
        public override IReadOnlyList<Endpoint> Endpoints => inner.Endpoints.Where(keep).ToList();

        public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) =>
            inner.GetGroupedEndpoints(context).Where(keep).ToList();

        public override IChangeToken GetChangeToken() => inner.GetChangeToken();
    }
}
