using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;
using Omnichat.Core.Notifications;

namespace Omnichat.Tests.Notifications;

public sealed class EmailOptionsValidatorTests
{
    private static EmailOptions Bind(params (string Key, string Value)[] settings) => BindIn(Environments.Development, settings);

    private static EmailOptions BindIn(string environment, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddOmnichatDeployment();
        builder.AddNotifications();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<EmailOptions>>().Value;
    }

    [Fact]
    public void Validate_SmtpHostWithBadFromPortAndInterval_ReportsEveryProblemAtOnce()
    {
        var failure = Should.Throw<OptionsValidationException>(() => Bind(
            ("Email:Smtp:Host", "smtp.example.com"),
            ("Email:Smtp:Port", "0"),
            ("Email:From", "not an address"),
            ("Email:DispatchIntervalSeconds", "0"),
            ("Email:LeaseSeconds", "9")));

        failure.Failures.Count().ShouldBe(4);
        failure.Message.ShouldContain("Email:LeaseSeconds must be at least 10 (is 9)");
        failure.Message.ShouldContain("Email:From");
        failure.Message.ShouldContain("Email:Smtp:Port");
        failure.Message.ShouldContain("Email:DispatchIntervalSeconds");
    }

    [Fact]
    public void Validate_SmtpHostWithoutFrom_Fails()
    {
        Should.Throw<OptionsValidationException>(() => Bind(("Email:Smtp:Host", "smtp.example.com")))
            .Message.ShouldContain("Email:From is required");
    }

    [Fact]
    public void Bind_NothingConfiguredInDevelopment_WritesPickupFiles()
    {
        var options = Bind();

        options.UsesSmtp.ShouldBeFalse();
        options.PickupDirectory.ShouldBe("data/mail");
        options.MaxAttempts.ShouldBe(10);
    }

    [Fact]
    public void Validate_NoSmtpHostInProduction_SaysNobodyWouldReceiveReminders()
    {
        Should.Throw<OptionsValidationException>(() => BindIn(Environments.Production, ("Sandbox:Enabled", "false")))
            .Message.ShouldContain("Email:Smtp:Host is required outside Development");
    }

    [Fact]
    public void Validate_NoSmtpHostInProductionWithSandbox_AllowsPickupFiles()
    {
        BindIn(Environments.Production, ("Sandbox:Enabled", "true")).UsesSmtp.ShouldBeFalse();
    }
}
