using Microsoft.Extensions.DependencyInjection;

namespace Omnichat.Core.Messaging;

internal static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookWriteGate>();
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
