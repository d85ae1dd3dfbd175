using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omnichat.Core.Notifications.Templates;

/// <summary>
/// Renders an e-mail template component to an HTML string with <see cref="HtmlRenderer"/>: no web host, no circuit.
/// Templates inject nothing; they get everything, the team's language included, through their parameters.
/// </summary>
public sealed class EmailRenderer(ILoggerFactory loggerFactory)
{
    // Chinese as characters rather than &#x...; escapes: smaller mails and readable sources when support opens an .eml.
    private readonly IServiceProvider services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TComponent : IComponent
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
