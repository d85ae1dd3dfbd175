using System.Text.Json;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Sandbox.World;

/// <summary>
/// The sandbox's Facebook: one lock around one <see cref="WorldState"/>, saved after every change,
/// so a console restart keeps demo tokens valid. Reads never save: with thousands of pages the file is megabytes.
/// Tokens a read hands out are saved within <see cref="TokenSaveDelay"/> and when the world is disposed (the host
/// stopping), not by every read: a consent over 100,000 pages reads me/accounts 4,000 times, and saving the whole
/// world each time made it take hours.
/// </summary>
public sealed class SandboxWorld : IDisposable
{
    public static readonly TimeSpan TokenSaveDelay = TimeSpan.FromMilliseconds(500);

    private readonly Lock gate = new();
    private ITimer? pendingSave;
    private readonly WorldFile file;
    private readonly TimeProvider time;
    private readonly ILogger<SandboxWorld> logger;
    private readonly string appId;
    private WorldState state;

    public SandboxWorld(IOptions<SandboxOptions> options, IOptions<FacebookOptions> facebook, TimeProvider time, ILogger<SandboxWorld> logger)
    {
        this.time = time;
        this.logger = logger;
        appId = facebook.Value.AppId;
        file = new WorldFile(options.Value.StatePath);
        state = LoadOrCreate();
    }

    /// <summary>Raised after every change, outside the lock (the control panel refreshes on it).</summary>
    public event Action? Changed;

    public string StateFilePath => file.FullPath;

    /// <summary>The world's clock: real time plus the offset tests and demos may add.</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (gate)
            {
                return NowLocked();
            }
        }
    }

    public T Read<T>(Func<WorldState, DateTimeOffset, T> read)
    {
        lock (gate)
        {
            return read(state, NowLocked());
        }
    }

    /// <summary>Changes the world and saves it.</summary>
    public T Update<T>(Func<WorldState, DateTimeOffset, T> change)
    {
        T result;
        lock (gate)
        {
            result = change(state, NowLocked());
            SaveLocked();
        }
        Changed?.Invoke();
        return result;
    }

    /// <summary>
    /// A read that may issue tokens (me/accounts, a page node with access_token): saved, and announced, only when it
    /// issued one, so handing out page tokens issued before costs no write of the whole world.
    /// </summary>
    public T ReadIssuingTokens<T>(Func<WorldState, DateTimeOffset, T> read)
    {
        T result;
        bool issued;
        lock (gate)
        {
            var before = state.Tokens.Count;
            result = read(state, NowLocked());
            issued = state.Tokens.Count != before;
            if (issued)
            {
                pendingSave ??= time.CreateTimer(_ => SavePending(), null, TokenSaveDelay, Timeout.InfiniteTimeSpan);
            }
        }
        if (issued)
        {
            Changed?.Invoke();
        }
        return result;
    }

    public void Update(Action<WorldState, DateTimeOffset> change) =>
        Update((world, now) =>
        {
            change(world, now);
            return true;
        });

    /// <summary>Back to the demo world: every token, code, grant and fault is forgotten.</summary>
    public void Reset()
    {
        lock (gate)
        {
            state = DemoWorld.Create(appId);
            SaveLocked();
        }
        logger.LogInformation("Sandbox world reset to the demo world in {StatePath}", file.FullPath);
        Changed?.Invoke();
    }

    /// <summary>Saves tokens handed out since the last save: the host stops, nothing of the world may be lost.</summary>
    public void Dispose() => SavePending();

    private void SavePending()
    {
        lock (gate)
        {
            if (pendingSave is not null)
            {
                SaveLocked();
            }
        }
    }

    // Every save writes the whole world, so one that was pending is done by it too.
    private void SaveLocked()
    {
        pendingSave?.Dispose();
        pendingSave = null;
        file.Save(state);
    }

    private DateTimeOffset NowLocked() => time.GetUtcNow().AddSeconds(state.ClockOffsetSeconds);

    private WorldState LoadOrCreate()
    {
        try
        {
            var loaded = file.TryLoad();
            if (loaded is not null && loaded.AppId == appId)
            {
                logger.LogInformation("Sandbox world loaded from {StatePath}", file.FullPath);
                return loaded;
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException or NotSupportedException)
        {
            logger.LogWarning(exception, "Sandbox state file {StatePath} is unreadable; starting a new demo world", file.FullPath);
        }
        var created = DemoWorld.Create(appId);
        file.Save(created);
        logger.LogInformation("Sandbox demo world created in {StatePath}", file.FullPath);
        return created;
    }
}
