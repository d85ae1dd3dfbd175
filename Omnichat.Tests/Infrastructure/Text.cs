using System.Globalization;
using System.Resources;

namespace Omnichat.Tests.Infrastructure;

/// <summary>A resource string as a person reads it, so a test follows a wording change instead of breaking.</summary>
public static class Text
{
    /// <summary>The zh-TW text (the neutral language) of <paramref name="key"/>, e.g. <c>Text.ZhTw(SharedStrings.ResourceManager, nameof(SharedStrings.SandboxStrip))</c>.</summary>
    public static string ZhTw(ResourceManager resources, string key) =>
        resources.GetString(key, CultureInfo.InvariantCulture) ?? throw new KeyNotFoundException(key);
}
