namespace Omnichat.Tests.Infrastructure;

/// <summary>What must never be in a log line: the app secret, the webhook verify token, a Facebook token.</summary>
public static class LogSecrets
{
    public static void EnsureNoneIn(IEnumerable<string> lines, IReadOnlyCollection<string> secrets)
    {
        foreach (var line in lines)
        {
            if (secrets.FirstOrDefault(s => s.Length >= 8 && line.Contains(s, StringComparison.Ordinal)) is { } secret)
            {
                throw new InvalidOperationException($"A log line holds a secret ({secret[..4]}…): {line.Replace(secret, "<secret>")}");
            }
            if (TokenText.ContainsToken(line))
            {
                throw new InvalidOperationException($"A log line holds a Facebook token: {TokenText.Mask(line)}");
            }
        }
    }
}
