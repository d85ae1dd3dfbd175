namespace Omnichat.Console.Components.Shared;

/// <summary>
/// Keeps only the newest of overlapping loads. A component's first load and the load a change notice starts run
/// side by side on the circuit; if the older read finishes last it would put back what the change replaced (a banner
/// that stays empty after a page broke). Used from the renderer's dispatcher only, so the counter needs no lock.
/// </summary>
public sealed class LatestLoad
{
    private int started;

    /// <summary>Runs <paramref name="load"/> and applies its result unless a later load was started meanwhile.</summary>
    /// <returns>Whether the result was applied.</returns>
    public async Task<bool> RunAsync<T>(Func<Task<T>> load, Action<T> apply)
    {
        var mine = ++started;
        var result = await load();
        if (mine != started)
        {
            return false;
        }
        apply(result);
        return true;
    }
}
