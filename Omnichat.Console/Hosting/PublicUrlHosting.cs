using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;

namespace Omnichat.Console.Hosting;

/// <summary>
/// The console answers to its public URL only: outside Development <c>AllowedHosts</c> defaults to its host, and
/// <c>X-Forwarded-*</c> headers are believed only from <see cref="ConsoleOptions.TrustedProxies"/>.
/// </summary>
public static class PublicUrlHosting
{
    public static IHostApplicationBuilder AddPublicUrlHosting(this IHostApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<ConsoleOptions>>((hosts, console) =>
        {
            var configured = hosts.AllowedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).ToList();
            if (!isDevelopment && (configured.Count == 0 || configured.Contains("*"))
                && Uri.TryCreate(console.Value.PublicUrl, UriKind.Absolute, out var publicUrl))
            {
                hosts.AllowedHosts = [publicUrl.IdnHost];
            }
        });
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ConsoleOptions>>((forwarded, console) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in configuration; the framework's default would trust loopback too.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in console.Value.TrustedProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else if (System.Net.IPNetwork.TryParse(proxy, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });
        return builder;
    }

    public static WebApplication UseTrustedForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
