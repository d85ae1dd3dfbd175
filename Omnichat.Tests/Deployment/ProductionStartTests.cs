using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Deployment;

/// <summary>The console as an operator starts it: its own process, ASPNETCORE_ENVIRONMENT=Production.</summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("omnichat-prod-").FullName;

    private Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{Infrastructure.ConsoleServer.FreeLoopbackPort()}",
            ["ConnectionStrings__Omnichat"] = $"Data Source={Path.Combine(dataFolder, "omnichat.db")}",
            ["Email__PickupDirectory"] = Path.Combine(dataFolder, "mail"),
            ["HealthCheck__SchedulerEnabled"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    [Fact]
    public async Task Start_ProductionWithNoSettings_RefusesNamingEveryMissingKey()
    {
        var (exitCode, output) = await ConsoleProcess.RunToExitAsync("Production", Settings(), TimeSpan.FromSeconds(60));

        exitCode.ShouldBe(1, output);
        output.ShouldContain("The console will not start");
        output.ShouldContain("Console:PublicUrl is required");
        output.ShouldContain("Facebook:AppId is required");
        output.ShouldContain("Facebook:AppSecret is required");
        output.ShouldContain("Email:Smtp:Host is required");
        // Refused before anything was created: no database, no demo accounts.
        File.Exists(Path.Combine(dataFolder, "omnichat.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Start_ProductionWithSandboxSecretAndUrls_RefusesNamingThem()
    {
        var (exitCode, output) = await ConsoleProcess.RunToExitAsync("Production", Settings(
            ("Console__PublicUrl", "https://console.example.test"),
            ("Facebook__AppId", "1184000000000001"),
            ("Facebook__AppSecret", "sandbox-app-secret-3f9a1c7e5b2d4a60"),
            ("Facebook__GraphBaseUrl", "https://console.example.test/sandbox/graph"),
            ("Facebook__DialogBaseUrl", "https://console.example.test/sandbox/dialog"),
            ("Email__Smtp__Host", "127.0.0.1"),
            ("Email__From", "Omnichat <alerts@example.test>")), TimeSpan.FromSeconds(60));

        exitCode.ShouldBe(1, output);
        output.ShouldContain("Facebook:AppSecret is the built-in sandbox's published secret");
        output.ShouldContain("Facebook:GraphBaseUrl 'https://console.example.test/sandbox/graph' points at the built-in sandbox");
        output.ShouldContain("Facebook:DialogBaseUrl 'https://console.example.test/sandbox/dialog' points at the built-in sandbox");
        output.ShouldNotContain("Console:PublicUrl is required");
    }

    [Fact]
    public async Task Start_ProductionWithHttpPublicUrlAndBadCron_ReportsBothAtOnce()
    {
        var (exitCode, output) = await ConsoleProcess.RunToExitAsync("Production", Settings(
            ("Console__PublicUrl", "http://console.example.test"),
            ("HealthCheck__Schedule", "every hour"),
            ("Facebook__AppId", "2000000000000001"),
            ("Facebook__AppSecret", "a-real-looking-secret-0123456789"),
            ("Email__Smtp__Host", "127.0.0.1"),
            ("Email__From", "Omnichat <alerts@example.test>")), TimeSpan.FromSeconds(60));

        exitCode.ShouldBe(1, output);
        output.ShouldContain("Console:PublicUrl 'http://console.example.test' must use https outside Development");
        output.ShouldContain("HealthCheck:Schedule 'every hour' is not a Quartz cron expression");
        output.ShouldContain("2 configuration problems");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp folders.
        }
    }
}
