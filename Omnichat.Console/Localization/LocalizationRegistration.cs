using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using MudBlazor;

namespace Omnichat.Console.Localization;

public static class LocalizationRegistration
{
    /// <summary>Typed resources (Resources/*.resx), the cookie-based culture choice and MudBlazor's strings.</summary>
    public static IServiceCollection AddOmnichatLocalization(this IServiceCollection services)
    {
        // No ResourcesPath: the generated resource classes live in Omnichat.Console.Resources, so their full type
        // name is already the manifest name of the .resx.
        services.AddLocalization();
        // English counts need their plural form ("1 Page selected", "2 Pages selected"): the .resx strings say
        // "{0:Page|Pages}" and this factory's localizers choose (PluralFormatProvider).
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, PluralStringLocalizerFactory>();
        services.AddTransient<MudLocalizer, ResourceMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var names = ConsoleCultures.All.Select(c => c.Name).ToArray();
            options.SetDefaultCulture(ConsoleCultures.Default)
                .AddSupportedCultures(names)
                .AddSupportedUICultures(names);
            // Only the language switch's cookie changes the language. Browsers send Accept-Language en-US on many
            // machines in Taiwan too, and the console should open in zh-TW until someone picks English.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Chinese text as characters, not &#x...; escapes: smaller pages, readable source and plain HTTP assertions.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
