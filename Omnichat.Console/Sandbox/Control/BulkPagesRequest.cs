namespace Omnichat.Console.Sandbox.Control;

/// <summary>
/// Body of <c>POST /sandbox/api/pages/bulk</c>: <c>count</c> new pages with <c>userId</c> as admin, our app already
/// subscribed when <c>subscribed</c> (the default). An unknown user is created when <c>userName</c> is given.
/// </summary>
public sealed record BulkPagesRequest(int Count, string? UserId, string? UserName, bool Subscribed = true);
