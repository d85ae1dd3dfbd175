namespace Omnichat.Core.Facebook;

/// <summary>
/// A Messenger customer's public profile from the User Profile API. Either name may be missing: Meta leaves out
/// fields the person hides or the app may not read.
/// </summary>
public sealed record CustomerProfile(string Psid, string? FirstName, string? LastName, string? ProfilePicUrl);
