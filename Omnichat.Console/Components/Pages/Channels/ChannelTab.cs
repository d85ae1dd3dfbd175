using Omnichat.Console.Resources;

namespace Omnichat.Console.Components.Pages.Channels;

/// <summary>A tab on the channels page: its route segment, its label's resource key, and whether it works yet.</summary>
public sealed record ChannelTab(string Slug, string LabelKey, bool Available)
{
    public const string Facebook = "facebook";

    /// <summary>Facebook Messenger first: it is the one channel the console connects today; the others are announced.</summary>
    public static readonly IReadOnlyList<ChannelTab> All =
    [
        new(Facebook, nameof(ChannelsStrings.TabFacebookMessenger), Available: true),
        new("line", nameof(ChannelsStrings.TabLine), Available: false),
        new("instagram", nameof(ChannelsStrings.TabInstagram), Available: false),
        new("whatsapp", nameof(ChannelsStrings.TabWhatsApp), Available: false),
    ];

    public static ChannelTab? Find(string? slug) =>
        All.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
