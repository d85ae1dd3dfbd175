using Omnichat.Core.Operations;
using Omnichat.Core.Security;

namespace Omnichat.Console.Endpoints;

/// <summary>
/// Liveness for load balancers and operators: 200 when every probe passes, 503 naming what failed (the database cannot
/// take a write, webhook intake refused events in the last minute, an e-mail is stuck, the scheduled check stopped).
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/healthz";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, CheckAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> CheckAsync(ConsoleHealthCheck health, KeyEncryptionStatus keys, CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        var body = new
        {
            status = report.Ok ? "ok" : "failing",
            failing = report.Failing.Select(p => $"{p.Name}: {p.Detail}").ToArray(),
            checks = report.Probes.ToDictionary(p => p.Name, p => new { ok = p.Ok, detail = p.Detail }),
            dataProtectionKeys = keys.Encrypted ? "encrypted" : "unencrypted",
            warnings = report.Warnings,
        };
        return report.Ok ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
