namespace Omnichat.Core.Facebook;

/// <summary>
/// The client business's system user a Business Integration System User token belongs to (<c>GET me</c> with that
/// token): <see cref="Id"/> is the system user's id, <see cref="ClientBusinessId"/> the business that installed our app.
/// </summary>
public sealed record SystemUser(string Id, string Name, string ClientBusinessId);
