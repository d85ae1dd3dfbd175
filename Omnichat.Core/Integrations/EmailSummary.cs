using Omnichat.Core.Notifications;

namespace Omnichat.Core.Integrations;

/// <summary>A failure e-mail as support sees it: due when, and whether it went out, was suppressed or failed.</summary>
/// <param name="At">When it was sent; while not sent, when it became due.</param>
public sealed record EmailSummary(Guid Id, EmailState State, DateTimeOffset At, string? Recipients, string? Subject, string? LastError);
