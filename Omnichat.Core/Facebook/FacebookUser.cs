namespace Omnichat.Core.Facebook;

/// <summary>The signed-in Facebook user from <c>GET /me</c>; <see cref="Id"/> is app-scoped, not a PSID.</summary>
public sealed record FacebookUser(string Id, string Name);
