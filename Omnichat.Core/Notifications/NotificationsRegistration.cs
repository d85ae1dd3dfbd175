using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;
using Omnichat.Core.Notifications.Sending;
using Omnichat.Core.Notifications.Templates;

namespace Omnichat.Core.Notifications;

public static class NotificationsRegistration
{
    /// <summary>
    /// The e-mail outbox: options (validated at start), the sender chosen from configuration, templates, and the
    /// dispatcher as a hosted service. The checker gets <see cref="OutboxSignal"/> to wake it after a commit.
    /// </summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<EmailOptions>(EmailOptions.SectionName);
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        // Chosen once: a host in configuration means SMTP; none means .eml files, so a demo never loses a reminder.
        var smtpHost = builder.Configuration[$"{EmailOptions.SectionName}:{nameof(EmailOptions.Smtp)}:{nameof(SmtpOptions.Host)}"];
        if (string.IsNullOrWhiteSpace(smtpHost))
        {
            services.AddSingleton<IMailSender, PickupDirectoryMailSender>();
        }
        else
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }

        services.AddSingleton<EmailRenderer>();
        services.AddSingleton<ConnectionFailureComposer>();
        services.AddSingleton<RecipientResolver>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return builder;
    }
}
