namespace Omnichat.Console.Benchmarks;

/// <summary>Counts the Graph HTTP requests the sandbox receives, to cross-check what the checker says it sent.</summary>
public sealed class GraphRequestCounter
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public Task CountAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/sandbox/graph", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref count);
        }
        return next(context);
    }
}
