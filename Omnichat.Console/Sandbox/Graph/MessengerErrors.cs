namespace Omnichat.Console.Sandbox.Graph;

/// <summary>The Send API's refusals, with Meta's codes and wording (§7.2, §8.3).</summary>
public static class MessengerErrors
{
    public static GraphError OutsideWindow { get; } = new(10,
        "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
        2018278);

    public static GraphError Blocked { get; } = new(551, "(#551) This person isn't receiving messages from you right now.");

    public static GraphError Unavailable { get; } = new(200, "(#200) This person isn't available right now.", 1545041);

    public static GraphError CannotReceive { get; } = new(10, "(#10) This person can't receive your messages right now.", 2018108);

    public static GraphError PageRestricted { get; } = new(10, "(#10) This Page is temporarily restricted from sending messages.", 1893063);

    public static GraphError AnotherAppControls { get; } = new(2018300, "(#2018300) Another app is controlling this thread now.");

    public static GraphError NoMatchingUser { get; } = new(100, "(#100) No matching user found", 2018001);

    public static GraphError AppNotLive { get; } = new(200,
        "(#200) Cannot message users who are not admins, developers or testers of the app until pages_messaging permission is reviewed and the app is live.",
        HttpStatus: StatusCodes.Status403Forbidden);
}
