using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>Half-finished dialogs, in memory for a short while (a restart simply asks the user to start again).</summary>
public sealed class DialogSessionStore(TimeProvider time, IOptions<SandboxOptions> options)
{
    private readonly ConcurrentDictionary<string, DialogSession> sessions = new(StringComparer.Ordinal);

    public DialogSession Start(string clientId, string redirectUri, string? state, bool rerequest, IReadOnlyList<string> scopes, string userId)
    {
        Sweep();
        var session = new DialogSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ClientId = clientId,
            RedirectUri = redirectUri,
            State = state,
            Rerequest = rerequest,
            RequestedScopes = scopes,
            UserId = userId,
            ExpiresAt = time.GetUtcNow().AddMinutes(options.Value.DialogSessionMinutes),
        };
        sessions[session.Id] = session;
        return session;
    }

    public DialogSession? Find(string? id) =>
        id is not null && sessions.TryGetValue(id, out var session) && session.ExpiresAt > time.GetUtcNow() ? session : null;

    public void End(string id) => sessions.TryRemove(id, out _);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, session) in sessions)
        {
            if (session.ExpiresAt <= now)
            {
                sessions.TryRemove(id, out _);
            }
        }
    }
}
