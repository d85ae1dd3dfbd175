using Microsoft.Extensions.Logging.Console;

namespace Omnichat.Console.Hosting;

/// <summary>
/// The console logger writes from a background queue, and a refused start-up exits right after logging why: without
/// this the one line an operator needs was lost whenever the machine was busy.
/// </summary>
internal static class StartupLog
{
    public static void Flush(IServiceProvider services)
    {
        // Disposing the console provider drains its queue; later lines are written directly, so nothing breaks after it.
        foreach (var provider in services.GetServices<ILoggerProvider>().OfType<ConsoleLoggerProvider>())
        {
            provider.Dispose();
        }
    }
}
