namespace Omnichat.Core.Messaging;

/// <summary>A console-wide value generated once and kept across restarts (the webhook verify token).</summary>
public sealed class ConsoleSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
