using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Omnichat.Core.Deployment;

namespace Omnichat.Tests.Deployment;

public sealed class DeploymentModeTests
{
    [Theory]
    [InlineData("Development", null, true, false)]
    [InlineData("Production", null, false, false)]
    [InlineData("Staging", null, false, false)]
    [InlineData("Production", "true", true, true)]
    [InlineData("Development", "false", false, false)]
    public void From_EnvironmentAndSetting_SandboxOnOnlyInDevelopmentOrWhenAsked(string environment, string? setting, bool sandbox, bool strip)
    {
        var mode = Mode(environment, setting);

        mode.SandboxEnabled.ShouldBe(sandbox);
        mode.SandboxOutsideDevelopment.ShouldBe(strip);
        mode.SandboxSetExplicitly.ShouldBe(setting is not null);
    }

    [Fact]
    public void From_ProductionWithoutSandbox_RequiresProductionSettings()
    {
        Mode("Production", null).RequiresProductionSettings.ShouldBeTrue();
        Mode("Production", "true").RequiresProductionSettings.ShouldBeFalse();
        Mode("Development", "false").RequiresProductionSettings.ShouldBeFalse();
    }

    [Fact]
    public void From_SettingNotABoolean_SaysWhichKey()
    {
        Should.Throw<InvalidOperationException>(() => Mode("Production", "yes")).Message.ShouldContain("Sandbox:Enabled must be true or false");
    }

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Production", null)]
    [InlineData("Production", "true")]
    public void From_SandboxUrl_DemoModeAgainstTheSandboxProcessWhichThisOneDoesNotServe(string environment, string? setting)
    {
        var mode = Mode(environment, setting, "http://127.0.0.1:5100/");

        mode.SandboxEnabled.ShouldBeTrue("the demo accounts and the sandbox's credentials still apply");
        mode.HostsSandbox.ShouldBeFalse();
        mode.SandboxUrl.ShouldBe(new Uri("http://127.0.0.1:5100/"));
        mode.RequiresProductionSettings.ShouldBeFalse();
        mode.SandboxOutsideDevelopment.ShouldBe(environment != "Development", "a server playing against a sandbox shows the strip too");
    }

    [Fact]
    public void From_NoSandboxUrl_TheSandboxIsServedHereWhenOn()
    {
        Mode("Development", null).HostsSandbox.ShouldBeTrue();
        Mode("Production", null).HostsSandbox.ShouldBeFalse();
    }

    [Theory]
    [InlineData("127.0.0.1:5100", "must be the sandbox process's address")]
    [InlineData("ftp://127.0.0.1:5100", "must be the sandbox process's address")]
    [InlineData("http://127.0.0.1:5100/sandbox", "must be the sandbox process's address")]
    public void From_SandboxUrlNotAnAddress_SaysWhichKey(string url, string message)
    {
        Should.Throw<InvalidOperationException>(() => Mode("Development", null, url)).Message.ShouldContain($"Sandbox:Url {message}");
    }

    [Fact]
    public void From_SandboxUrlWithTheSandboxOff_RefusesTheContradiction()
    {
        Should.Throw<InvalidOperationException>(() => Mode("Production", "false", "http://127.0.0.1:5100")).Message
            .ShouldContain("Sandbox:Url points at a sandbox while Sandbox:Enabled is false");
    }

    private static DeploymentMode Mode(string environment, string? setting, string? sandboxUrl = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DeploymentMode.SandboxEnabledKey] = setting,
                [DeploymentMode.SandboxUrlKey] = sandboxUrl,
            })
            .Build();
        return DeploymentMode.From(configuration, new Environment(environment));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Omnichat.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
