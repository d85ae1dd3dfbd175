using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// This console's own build, started as a process of its own on a free 127.0.0.1 port with the given settings as
/// environment variables, so the load a benchmark sends does not share the console's process. Killed when disposed.
/// </summary>
public sealed class BenchmarkConsoleProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private BenchmarkConsoleProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    /// <summary>Starts it and waits until <c>/healthz</c> answers (migrations applied, host serving).</summary>
    public static async Task<BenchmarkConsoleProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var dll = typeof(BenchmarkConsoleProcess).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var console = new BenchmarkConsoleProcess(Process.Start(start) ?? throw new BenchmarkException("dotnet did not start"), baseAddress);
        console.process.OutputDataReceived += (_, e) => console.Append(e.Data);
        console.process.ErrorDataReceived += (_, e) => console.Append(e.Data);
        console.process.BeginOutputReadLine();
        console.process.BeginErrorReadLine();
        try
        {
            await console.WaitUntilAnsweringAsync(cancellationToken);
            return console;
        }
        catch
        {
            console.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new BenchmarkException($"the console exited with {process.ExitCode}:\n{Output()}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new BenchmarkException($"{BaseAddress}healthz never answered:\n{Output()}");
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

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
