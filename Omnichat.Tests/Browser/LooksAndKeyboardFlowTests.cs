using System.Text.Json;
using Microsoft.Playwright;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Browser;

/// <summary>
/// What a shop owner notices at a glance or with the keyboard: the error banner across the whole content area in
/// readable colours (WCAG AA), and a focus ring that can be seen on every kind of control.
/// </summary>
public sealed class LooksAndKeyboardFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    // The colour an element's text or outline is drawn in, the opaque background behind it (transparent layers and
    // the element's own and its ancestors' opacity painted over it), so contrast is measured as the screen shows it.
    private const string ColoursScript = """
        ([el, what]) => {
            const parse = c => (c.match(/[\d.]+/g) || []).map(Number);
            const over = (top, bottom) => { const a = top.length > 3 ? top[3] : 1; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)); };
            const behind = start => {
                const layers = [];
                for (let e = start; e; e = e.parentElement) {
                    const c = parse(getComputedStyle(e).backgroundColor);
                    if (c.length > 3 && c[3] === 0) continue;
                    layers.push(c);
                    if (c.length < 4 || c[3] === 1) break;
                }
                let colour = [255, 255, 255];
                for (const layer of layers.reverse()) colour = over(layer, colour);
                return colour;
            };
            let opacity = 1;
            for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
            const style = getComputedStyle(el);
            const background = what === 'outline' ? behind(el.parentElement) : behind(el);
            const raw = parse(what === 'outline' ? style.outlineColor : style.color);
            const alpha = (raw.length > 3 ? raw[3] : 1) * opacity;
            const fg = over([raw[0], raw[1], raw[2], alpha], background);
            const rgb = c => `rgb(${c.map(Math.round).join(', ')})`;
            return { foreground: rgb(fg), background: rgb(background) };
        }
        """;

    [Fact]
    public async Task Banner_SpansTheContentArea_InReadableColours()
    {
        var server = await StartServerAsync();
        await ConnectThenBreakTaipeiAsync(server);
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 1400, Height = 900 });
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        await page.ClickAsync("[data-testid=check-all]");
        var banner = page.Locator("[data-testid=integration-alert]");
        await banner.WaitForAsync();
        await ScreenshotAsync(page, "banner-full-width");

        var bannerBox = (await banner.BoundingBoxAsync())!;
        var contentWidth = await banner.EvaluateAsync<double>("""
            el => { const c = el.parentElement, s = getComputedStyle(c); return c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }
            """);
        ((double)bannerBox.Width).ShouldBe(contentWidth, 2, "the banner is as wide as the content area");
        var row = (await banner.Locator("[data-testid=integration-alert-page]").First.BoundingBoxAsync())!;
        row.Width.ShouldBeGreaterThan(bannerBox.Width * 0.85f, "a failing page's row fills the banner, not 60% of it");
        var action = (await banner.Locator("[data-testid=alert-reauthorize]").First.BoundingBoxAsync())!;
        (bannerBox.X + bannerBox.Width - (action.X + action.Width)).ShouldBeLessThan(40, "the action sits at the banner's right edge");

        foreach (var (selector, what) in new[]
                 {
                     ("[data-testid=integration-alert] .mud-typography-subtitle1", "the title"),
                     ("[data-testid=integration-alert] .alert-row__text", "a page's cause"),
                     ("[data-testid=integration-alert] .alert-row__since", "since when"),
                     ("[data-testid=alert-reauthorize]", "the reauthorize button's label"),
                 })
        {
            var colours = await ColoursAsync(page.Locator(selector).First, "text");
            ColourContrast.Ratio(colours.Foreground, colours.Background).ShouldBeGreaterThanOrEqualTo(ColourContrast.TextMinimum,
                $"{what}: {colours.Foreground} on {colours.Background}");
        }
        var button = await ColoursAsync(page.Locator("[data-testid=alert-reauthorize]").First, "text");
        var bannerColours = await ColoursAsync(banner, "text");
        ColourContrast.Ratio(button.Background, bannerColours.Background).ShouldBeGreaterThanOrEqualTo(ColourContrast.NonTextMinimum,
            "the button stands out from the banner");
        ErrorLines(server).ShouldBeEmpty("the flow logged no error");
    }

    [Fact]
    public async Task Tabbing_ShowsAClearRing_OnLinksButtonsTabsAndCheckboxes()
    {
        var server = await StartServerAsync();
        await ConnectThenBreakTaipeiAsync(server);
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 1400, Height = 900 });
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        await page.Locator("[data-testid=authorized-page] input[type=checkbox]").First.WaitForAsync();

        // Tabbing starts after the app bar's title: the app bar's buttons, the menu's links, then the page's tabs and lists.
        await page.ClickAsync(".app-title");
        var seen = new Dictionary<string, FocusRing>();
        for (var i = 0; i < 120 && seen.Count < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = page.Locator(":focus");
            var kind = await focused.EvaluateAsync<string>("""
                el => el.matches('input[type=checkbox]') ? 'checkbox' : el.getAttribute('role') === 'tab' ? 'tab'
                    : el.tagName === 'A' ? 'link' : el.tagName === 'BUTTON' ? 'button' : 'other'
                """);
            if (kind == "other" || seen.ContainsKey(kind))
            {
                continue;
            }
            // A MudBlazor checkbox focuses an invisible input: its ring is on the round button around it.
            var ring = kind == "checkbox" ? focused.Locator("xpath=ancestor::*[contains(@class,'mud-button-root')][1]") : focused;
            var style = await ring.EvaluateAsync<JsonElement>("el => { const s = getComputedStyle(el); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; }");
            seen[kind] = new FocusRing(style.GetProperty("style").GetString()!, style.GetProperty("width").GetDouble(), await ColoursAsync(ring, "outline"));
            if (kind is "checkbox" or "tab")
            {
                await ScreenshotAsync(page, $"focus-on-a-{kind}");
            }
        }

        seen.Keys.ShouldBe(["link", "button", "tab", "checkbox"], ignoreOrder: true, "tabbing reaches each kind of control");
        foreach (var (kind, ring) in seen)
        {
            ring.Style.ShouldBe("solid", kind);
            ring.Width.ShouldBeGreaterThanOrEqualTo(2, kind);
            ColourContrast.Ratio(ring.Colours.Foreground, ring.Colours.Background).ShouldBeGreaterThanOrEqualTo(ColourContrast.NonTextMinimum,
                $"{kind}'s ring {ring.Colours.Foreground} on {ring.Colours.Background}");
        }

        // The ring is for the keyboard: a mouse click draws none.
        var checkbox = page.Locator("[data-testid=authorized-page] input[type=checkbox]:not([disabled])").Last;
        await checkbox.ClickAsync();
        (await checkbox.EvaluateAsync<bool>("el => document.activeElement === el")).ShouldBeTrue("the clicked checkbox has the focus");
        (await checkbox.EvaluateAsync<string>("el => getComputedStyle(el.closest('.mud-button-root')).outlineStyle")).ShouldBe("none");
        ErrorLines(server).ShouldBeEmpty("the flow logged no error");
    }

    private static async Task<Colours> ColoursAsync(ILocator element, string what)
    {
        var handle = await element.ElementHandleAsync();
        var result = await handle.EvaluateAsync<JsonElement>($"(el, what) => ({ColoursScript})([el, what])", what);
        return new Colours(result.GetProperty("foreground").GetString()!, result.GetProperty("background").GetString()!);
    }

    private sealed record Colours(string Foreground, string Background);

    private sealed record FocusRing(string Style, double Width, Colours Colours);
}
