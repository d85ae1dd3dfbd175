namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>How Facebook's dialog (zh-TW) describes each permission in the overview step.</summary>
public static class PermissionLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["public_profile"] = "你的姓名和大頭貼照",
        ["pages_show_list"] = "顯示你管理的粉絲專頁清單",
        ["pages_messaging"] = "管理和存取粉絲專頁的對話",
        ["pages_manage_metadata"] = "管理帳號、設定和粉絲專頁的 Webhooks",
        ["pages_read_engagement"] = "讀取粉絲專頁上的內容",
        ["pages_read_user_content"] = "讀取粉絲專頁上的用戶內容",
        ["pages_manage_posts"] = "管理粉絲專頁的貼文",
        ["pages_manage_engagement"] = "管理粉絲專頁上的留言和互動",
        ["business_management"] = "管理你的商家",
        ["instagram_basic"] = "存取 Instagram 帳號的個人檔案和貼文",
        ["instagram_manage_messages"] = "管理和存取 Instagram 訊息",
        ["email"] = "你的電子郵件地址",
    };

    public static string For(string scope) => Labels.GetValueOrDefault(scope, scope);
}
