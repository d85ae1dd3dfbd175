namespace Omnichat.Core.Channels;

/// <summary>Whose authorization a grant is: one Facebook person's, or a business's system user's (tied to nobody).</summary>
public enum GrantKind
{
    /// <summary>A person's user token from the consent dialog: their password, session, role and consent end it.</summary>
    Person,
    /// <summary>
    /// A Business Integration System User token from a Facebook Login for Business configuration of that token type:
    /// no person's password change, two-factor, checkpoint or lost role ends it; only the business removing our app does.
    /// </summary>
    SystemUser,
}
