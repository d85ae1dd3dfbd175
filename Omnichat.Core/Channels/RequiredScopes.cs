namespace Omnichat.Core.Channels;

/// <summary>Permissions every connected page needs: listing it, messaging through it and subscribing our webhook.</summary>
public static class RequiredScopes
{
    public const string PagesShowList = "pages_show_list";
    public const string PagesMessaging = "pages_messaging";
    public const string PagesManageMetadata = "pages_manage_metadata";

    public static readonly IReadOnlyList<string> PerPage = [PagesShowList, PagesMessaging, PagesManageMetadata];
}
