using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichat.Core.Notifications;

namespace Omnichat.Tests.Notifications;

public sealed class EmailOptionsValidatorTests
{
    private static EmailOptions Bind(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        builder.Services.AddSingleton(TimeProvider.System);
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
            ("Email:DispatchIntervalSeconds", "0")));

        failure.Failures.Count().ShouldBe(3);
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
    public void Bind_NoConsoleUrl_UsesFirstOfUrlsWithARealHost()
    {
        var options = Bind(("Urls", "http://0.0.0.0:5066;https://127.0.0.1:5067"));

        options.ConsoleUrl.ShouldBe("http://127.0.0.1:5066");
        options.PickupDirectory.ShouldBe("data/mail");
        options.MaxAttempts.ShouldBe(10);
    }

    [Fact]
    public void Bind_NothingConfigured_DefaultsToLocalConsole()
    {
        Bind().ConsoleUrl.ShouldBe("http://127.0.0.1:5000");
    }
}
