namespace Omnichat.Console.Sandbox.Graph;

/// <summary>The Conversations API's own refusals (§17).</summary>
public static class ConversationErrors
{
    /// <summary>Over 2 calls per second for one page (the reference table's 80006).</summary>
    public static GraphError TooManyCalls { get; } =
        new(80006, "There have been too many messenger api calls to this Page account. Wait a bit and try again.");

    /// <summary>
    /// A page over Meta's high-volume limit: "API calls to get all conversations fail". Meta documents no code for it;
    /// the sandbox answers Graph's generic code 1, which no client should mistake for a rate limit to wait out.
    /// </summary>
    public static GraphError HighVolume { get; } = new(1,
        "Please reduce the amount of data you're asking for, then retry your request", HttpStatus: StatusCodes.Status500InternalServerError);

    public static GraphError BadFields { get; } = GraphErrors.InvalidParameter("Syntax error in the fields parameter");
}
