namespace Omnichat.Core.Health;

public enum CheckOutcome
{
    /// <summary>Both Graph calls answered and the connection works.</summary>
    Passed,
    /// <summary>Facebook answered, and the connection does not work.</summary>
    Failed,
    /// <summary>Facebook did not answer usefully (timeout, 5xx, codes 1/2, rate limits, null batch items): decides nothing.</summary>
    Inconclusive,
    /// <summary>Our app was missing from the page's subscribed apps and the checker subscribed it again.</summary>
    Repaired,
}
