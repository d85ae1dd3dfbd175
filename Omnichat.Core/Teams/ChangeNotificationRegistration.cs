using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Omnichat.Core.Teams;

public static class ChangeNotificationRegistration
{
    /// <summary>The router and, unless the database registered a bus between instances, the in-process bus.</summary>
    public static IServiceCollection AddChangeNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton<ChangeRouter>();
        services.TryAddSingleton<IChangeBus, InProcessChangeBus>();
        return services;
    }
}
