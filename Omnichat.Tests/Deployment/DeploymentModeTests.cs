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

    private static DeploymentMode Mode(string environment, string? setting)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DeploymentMode.SandboxEnabledKey] = setting })
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
