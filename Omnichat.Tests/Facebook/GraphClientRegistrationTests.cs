using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichat.Core;
using Omnichat.Core.Facebook;
using Omnichat.Tests.Facebook.Support;

namespace Omnichat.Tests.Facebook;

public sealed class GraphClientRegistrationTests
{
    [Fact]
    public async Task AddOmnichatCore_GraphBaseUrlPostConfigured_UsesVersionRootAndLogsNoUrls()
    {
        var logs = new LogCollector();
        var handler = new StubGraphHandler().Json("""{ "id": "780170842500000", "name": "Dana Admin" }""");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Facebook:GraphBaseUrl"] = "";
        builder.Configuration["Facebook:AppId"] = GraphTestClient.AppId;
        builder.Configuration["Facebook:AppSecret"] = GraphTestClient.AppSecret;
        builder.Configuration["Facebook:GraphApiVersion"] = "v24.0";
        builder.Logging.AddProvider(logs);
        builder.AddOmnichatCore();
        // What the host does for the sandbox: fill the base URL from its own address after binding.
        builder.Services.PostConfigure<FacebookOptions>(o => o.GraphBaseUrl = "http://127.0.0.1:5999/sandbox/graph/");
        builder.Services.AddHttpClient<GraphClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        using var host = builder.Build();

        var result = await host.Services.GetRequiredService<GraphClient>().GetMeAsync(GraphTestClient.UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        handler.SingleRequest.Uri.GetLeftPart(UriPartial.Path).ShouldBe("http://127.0.0.1:5999/sandbox/graph/v24.0/me");
        logs.Entries.ShouldNotContain(e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));
        logs.AllText.ShouldNotContain("EAA");
    }
}
