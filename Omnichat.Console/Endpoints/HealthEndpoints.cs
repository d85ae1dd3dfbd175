using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;

namespace Omnichat.Console.Endpoints;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> CheckAsync(IDbContextFactory<OmnichatDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var databaseReachable = await db.Database.CanConnectAsync(cancellationToken);
        var body = new { status = databaseReachable ? "ok" : "degraded", database = databaseReachable ? "reachable" : "unreachable" };
        return databaseReachable ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
