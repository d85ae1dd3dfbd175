using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Receiving;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Channels;

internal static class ChannelsRegistration
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSingleton<TokenProtector>();
        services.AddChangeNotifications();
        services.AddSingleton<ChannelChangeNotifier>();
        services.AddSingleton<OAuthStateStore>();
        services.AddTransient<ConnectionSubscriber>();
        services.AddTransient<ConsentService>();
        services.AddTransient<ConnectionService>();
        services.AddReceiving();
        services.AddSingleton<ChannelOverviewService>();
        return services;
    }
}
