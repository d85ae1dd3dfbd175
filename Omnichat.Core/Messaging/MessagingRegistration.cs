using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Messaging;

internal static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookWriteGate>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookBodyBudget>();
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<WebhookIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookIntake>());
        services.AddSingleton<WebhookProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookProcessor>());
        services.AddSingleton<WebhookVerifyToken>();
        services.AddSingleton<InboxNotifier>();
        services.AddSingleton<ReceiverWatch>();
        services.AddTransient<ReplyService>();
        services.AddTransient<InboxService>();
        services.AddOptions<CustomerProfileOptions>().BindConfiguration(CustomerProfileOptions.SectionName);
        services.AddSingleton<CustomerProfileSignal>();
        services.AddTransient<CustomerProfileLookup>();
        services.AddHostedService<CustomerProfileWorker>();
        return services;
    }
}
