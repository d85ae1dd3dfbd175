using Microsoft.Extensions.Localization;

namespace Omnichat.Console.Localization;

/// <summary>The .resx localizers of <see cref="ResourceManagerStringLocalizerFactory"/>, formatting counts with their plural forms.</summary>
internal sealed class PluralStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new PluralStringLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PluralStringLocalizer(inner.Create(baseName, location));
}
