using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Omnichat.Console.Benchmarks.Browser;

/// <summary>
/// Debian's chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket on 127.0.0.1) with one tab:
/// enough for a benchmark to open a page and run JavaScript in it, without shipping a browser driver in the console.
/// </summary>
public sealed class DevToolsBrowser : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private readonly Process process;
    private readonly ClientWebSocket socket;
    private readonly string profile;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly CancellationTokenSource reading = new();
    private readonly Task reader;
    private readonly SemaphoreSlim sending = new(1, 1);
    private string? sessionId;
    private int nextId;

    private DevToolsBrowser(Process process, ClientWebSocket socket, string profile)
    {
        this.process = process;
        this.socket = socket;
        this.profile = profile;
        reader = Task.Run(ReadAsync);
    }

    public static async Task<DevToolsBrowser> LaunchAsync(string chromium, int width, int height, CancellationToken cancellationToken)
    {
        if (!File.Exists(chromium))
        {
            throw new BenchmarkException($"no chromium at {chromium}; install Debian's (apt-get install -y chromium) or give --chromium");
        }
        var profile = Directory.CreateTempSubdirectory("omnichat-bench-chromium-").FullName;
        var start = new ProcessStartInfo(chromium,
        [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank",
        ])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new BenchmarkException($"{chromium} did not start");
        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            // chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" once it serves the protocol.
            const string marker = "DevTools listening on ";
            if (e.Data?.StartsWith(marker, StringComparison.Ordinal) == true)
            {
                endpoint.TrySetResult(new Uri(e.Data[marker.Length..].Trim()));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var socket = new ClientWebSocket();
        try
        {
            var address = await endpoint.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await socket.ConnectAsync(address, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
        var browser = new DevToolsBrowser(process, socket, profile);
        var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, cancellationToken);
        var attached = await browser.SendAsync("Target.attachToTarget",
            new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, cancellationToken);
        browser.sessionId = attached.GetProperty("sessionId").GetString();
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width,
            ["height"] = height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = width < 600,
        }, cancellationToken);
        return browser;
    }

    /// <summary>Navigates the tab and returns once the new document runs scripts.</summary>
    public Task NavigateAsync(Uri url, CancellationToken cancellationToken) =>
        WaitForNewDocumentAsync(() => SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, cancellationToken), url.ToString(), cancellationToken);

    /// <summary>Runs a script that leaves the page (a form submitted) and returns once the next document runs scripts.</summary>
    public Task RunAndWaitForNewDocumentAsync(string expression, CancellationToken cancellationToken) =>
        WaitForNewDocumentAsync(() => EvaluateAsync(expression, cancellationToken), "the next page", cancellationToken);

    // A new document has a new time origin; between two documents there is no context to ask.
    private async Task WaitForNewDocumentAsync(Func<Task> leave, string what, CancellationToken cancellationToken)
    {
        var before = await TimeOriginAsync(cancellationToken);
        await leave();
        var waited = Stopwatch.StartNew();
        while (await TimeOriginAsync(cancellationToken) is var now && (now is null || now == before))
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new BenchmarkException($"{what} did not open within a minute");
            }
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="expression"/> in the page, awaiting it when it is a promise, and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["awaitPromise"] = true,
            ["returnByValue"] = true,
        }, cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new BenchmarkException($"script failed in the page: {exception}");
        }
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    private async Task<double?> TimeOriginAsync(CancellationToken cancellationToken)
    {
        try
        {
            var value = await EvaluateAsync("performance.timeOrigin", cancellationToken);
            return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
        }
        catch (BenchmarkException)
        {
            return null;
        }
    }

    private async Task<JsonElement> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
        return await answer.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, reading.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }
                Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed: whatever still waits fails below.
        }
        foreach (var waiting in pending.Values)
        {
            waiting.TrySetException(new BenchmarkException("chromium closed the DevTools connection"));
        }
    }

    // Answers carry the id of their command; events (no id) are not needed by the benchmark.
    private void Dispatch(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("id", out var id) || !pending.TryRemove(id.GetInt32(), out var answer))
        {
            return;
        }
        if (root.TryGetProperty("error", out var error))
        {
            answer.TrySetException(new BenchmarkException($"DevTools: {error}"));
        }
        else
        {
            answer.TrySetResult(root.GetProperty("result").Clone());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await reading.CancelAsync();
        try
        {
            await reader;
        }
        catch (OperationCanceledException)
        {
        }
        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        reading.Dispose();
        sending.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // chromium may still be writing its profile as it dies; the OS cleans its temp folder.
        }
    }
}
