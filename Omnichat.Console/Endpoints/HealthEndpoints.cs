using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;
using Omnichat.Core.Security;

namespace Omnichat.Console.Endpoints;

public static class HealthEndpoints
{
    public const string Path = "/healthz";
    public const string UnencryptedKeysWarning =
        "Data Protection keys are stored unencrypted: a copy of the database can decrypt the Facebook tokens (set DataProtection:CertificatePath).";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, CheckAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> CheckAsync(IDbContextFactory<OmnichatDbContext> dbFactory, KeyEncryptionStatus keys,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var databaseReachable = await db.Database.CanConnectAsync(cancellationToken);
        // A warning, not a failure: unencrypted keys are a risk to fix, not a reason for a load balancer to drop the instance.
        string[] warnings = keys.NeedsAttention ? [UnencryptedKeysWarning] : [];
        var body = new
        {
            status = databaseReachable ? "ok" : "degraded",
            database = databaseReachable ? "reachable" : "unreachable",
            dataProtectionKeys = keys.Encrypted ? "encrypted" : "unencrypted",
            warnings,
        };
        return databaseReachable ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
