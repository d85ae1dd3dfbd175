namespace Omnichat.Tests.Infrastructure;

/// <summary>Waits for a condition that background work makes true, failing with what was awaited when it never does.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan patience, string? what = null)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {patience}: {what ?? "the condition"}");
            }
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan patience, string? what = null) =>
        TrueAsync(() => Task.FromResult(condition()), patience, what);
}
