using System.Diagnostics;
using System.Text;

namespace Omnichat.Tests.Infrastructure;

/// <summary>
/// The built console as a separate <c>dotnet</c> process, so a test can kill it the hard way (no graceful stop, no
/// flushing) and start it again on the same database; or the sandbox on its own (<c>-- sandbox</c>), which goes on
/// retrying its webhooks while the console is down, as Meta does.
/// </summary>
public sealed class ConsoleProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ConsoleProcess(Process process) => this.process = process;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="settings">More settings as environment variables, e.g. <c>Sandbox__Url</c>; they win over the defaults.</param>
    public static async Task<ConsoleProcess> StartAsync(Uri baseAddress, string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var defaults = new Dictionary<string, string>
        {
            ["Urls"] = baseAddress.ToString().TrimEnd('/'),
            ["ConnectionStrings__Omnichat"] = $"Data Source={Path.Combine(dataFolder, "omnichat.db")}",
            ["Sandbox__StatePath"] = Path.Combine(dataFolder, "sandbox.json"),
            ["Email__PickupDirectory"] = Path.Combine(dataFolder, "mail"),
            ["HealthCheck__SchedulerEnabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            defaults[key] = value;
        }
        var console = Launch("Development", defaults);
        await console.WaitUntilAnsweringAsync(new Uri(baseAddress, "healthz"));
        return console;
    }

    /// <summary>The sandbox in its own process at <paramref name="baseAddress"/>, keeping its world in <paramref name="statePath"/>.</summary>
    public static async Task<ConsoleProcess> StartSandboxAsync(Uri baseAddress, Uri consoleAddress, string statePath,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Urls"] = baseAddress.ToString().TrimEnd('/'),
            ["Sandbox__ConsoleUrl"] = consoleAddress.ToString().TrimEnd('/'),
            ["Sandbox__StatePath"] = statePath,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        var sandbox = Launch("Development", all, "sandbox");
        await sandbox.WaitUntilAnsweringAsync(new Uri(baseAddress, "sandbox/api/state"));
        return sandbox;
    }

    /// <summary>
    /// Runs the console with exactly these settings (environment variables, e.g. <c>Console__PublicUrl</c>) until it
    /// exits by itself, for start-ups that must refuse; a console still running after <paramref name="timeout"/> is killed.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string environment, IReadOnlyDictionary<string, string> settings,
        TimeSpan timeout, string arguments = "")
    {
        using var console = Launch(environment, settings, arguments);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await console.process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The console was still running after {timeout}:\n{console.Output}");
        }
        console.process.WaitForExit();
        return (console.process.ExitCode, console.Output);
    }

    /// <summary>The built console in its own process, with exactly these settings as environment variables, its output kept.</summary>
    private static ConsoleProcess Launch(string environment, IReadOnlyDictionary<string, string> settings, string arguments = "")
    {
        var dll = ConsoleDll();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}".TrimEnd())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var console = new ConsoleProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        console.process.OutputDataReceived += (_, e) => console.Append(e.Data);
        console.process.ErrorDataReceived += (_, e) => console.Append(e.Data);
        console.process.BeginOutputReadLine();
        console.process.BeginErrorReadLine();
        return console;
    }

    /// <summary>Like a power cut for the process: no shutdown hooks, no graceful drain.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>Until <paramref name="probe"/> answers a success code; throws with the output if the process exits or never does.</summary>
    private async Task WaitUntilAnsweringAsync(Uri probe)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The console exited with {process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(probe);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting up.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{probe} never answered:\n{Output}");
    }

    /// <summary>The console's own build output (it has its appsettings.json and static assets), same configuration as the tests.</summary>
    private static string ConsoleDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name; // bin/{Configuration}/net10.0/
        var framework = testBin.Name;
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Omnichat.Console", "bin", configuration, framework, "Omnichat.Console.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("Build Omnichat.Console first: its dll was not found next to the tests.");
    }
}
