namespace Omnichat.Core.Channels;

public enum OAuthPurpose
{
    /// <summary>串接 Facebook 專頁: a first consent, or the seed's disconnect-and-connect-again.</summary>
    Connect,
    /// <summary>Reauthorize one connected page in place (auth_type=rerequest).</summary>
    Reauthorize,
    /// <summary>編輯設定: re-open the dialog to grant missing pages or permissions.</summary>
    EditSettings,
    /// <summary>以企業系統使用者授權: the Facebook Login for Business configuration of system-user tokens.</summary>
    ConnectSystemUser,
}
