using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Teams;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Messaging;

internal static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookWriteGate>();
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.SectionName);
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookBodyBudget>();
        services.AddSingleton<IntakeRefusalWindow>();
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<WebhookIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookIntake>());
        services.AddSingleton<WebhookProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookProcessor>());
        services.AddSingleton<WebhookVerifyToken>();
        services.AddChangeNotifications();
        services.AddSingleton<InboxNotifier>();
        services.AddSingleton<ReceiverWatch>();
        services.AddTransient<ReplyService>();
        services.AddTransient<InboxService>();
        services.AddValidatedOptions<CustomerProfileOptions>(CustomerProfileOptions.SectionName);
        services.AddSingleton<IValidateOptions<CustomerProfileOptions>, CustomerProfileOptionsValidator>();
        services.AddSingleton<CustomerProfileSignal>();
        services.AddTransient<CustomerProfileLookup>();
        services.AddHostedService<CustomerProfileWorker>();
        return services;
    }
}
