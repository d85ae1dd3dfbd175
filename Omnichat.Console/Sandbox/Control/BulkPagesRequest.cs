namespace Omnichat.Console.Sandbox.Control;

/// <summary>
/// Body of <c>POST /sandbox/api/pages/bulk</c>: <c>count</c> new pages with <c>userId</c> as admin, our app already
/// subscribed when <c>subscribed</c> (the default). An unknown user is created when <c>userName</c> is given. With
/// <c>coAdminId</c> (and <c>coAdminName</c> for a new user) a second person is admin of every page too, so each page
/// can have two authorizations.
/// </summary>
public sealed record BulkPagesRequest(int Count, string? UserId, string? UserName, bool Subscribed = true, string? CoAdminId = null, string? CoAdminName = null);
