using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Omnichat.Console.Sandbox;

/// <summary>
/// Razor pages are found by scanning the assembly, so the sandbox's dialog and panel would get endpoints even with the
/// sandbox off (and fail for want of its services). This filters them out of the app's endpoint sources.
/// </summary>
internal static class SandboxPageEndpoints
{
    public static void RemoveFrom(IEndpointRouteBuilder app)
    {
        var sources = app.DataSources.ToList();
        app.DataSources.Clear();
        foreach (var source in sources)
        {
            app.DataSources.Add(new WithoutSandbox(source));
        }
    }

    private static bool IsSandbox(Endpoint endpoint) =>
        endpoint is RouteEndpoint route
        && (route.RoutePattern.RawText ?? "").TrimStart('~').StartsWith(SandboxUrls.PathPrefix, StringComparison.OrdinalIgnoreCase);

    private sealed class WithoutSandbox(EndpointDataSource inner) : EndpointDataSource
    {
        public override IReadOnlyList<Endpoint> Endpoints => inner.Endpoints.Where(e => !IsSandbox(e)).ToList();

        public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) =>
            inner.GetGroupedEndpoints(context).Where(e => !IsSandbox(e)).ToList();

        public override IChangeToken GetChangeToken() => inner.GetChangeToken();
    }
}
