namespace Omnichat.Core.Channels;

public enum OAuthStateCheck
{
    Valid,
    Missing,
    Unknown,
    Expired,
    AlreadyUsed,
    OtherUser,
}
