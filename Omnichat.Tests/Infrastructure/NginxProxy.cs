using System.Diagnostics;
using System.Net.Sockets;

namespace Omnichat.Tests.Infrastructure;

/// <summary>
/// Debian's nginx running the README's <c>deploy/nginx/omnichat.conf</c> in front of given console instances, on a
/// loopback port with TLS (a self-signed certificate made for the test), in a folder of its own; every request is
/// logged with the instance it went to. <c>.ci/run</c> installs nginx.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private const string Binary = "/usr/sbin/nginx";
    private readonly Process process;
    private readonly string folder;

    private NginxProxy(Process process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>One line per request: the affinity cookie sent, the instance that answered, the status and the path.</summary>
    public IReadOnlyList<string> AccessLog
    {
        get
        {
            var path = Path.Combine(folder, "access.log");
            if (!File.Exists(path))
            {
                return [];
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>What went wrong where a test fails: nginx's error log and its last requests.</summary>
    public string Diagnostics
    {
        get
        {
            var errors = Path.Combine(folder, "error.log");
            using var stream = new FileStream(errors, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return $"nginx error log:\n{reader.ReadToEnd()}\nlast requests:\n{string.Join('\n', AccessLog.TakeLast(40))}";
        }
    }

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"nginx is not installed ({Binary}): apt-get install -y nginx (.ci/run does).");
        }
        var folder = Directory.CreateTempSubdirectory("omnichat-nginx-").FullName;
        var port = LoopbackPorts.Next();
        Run("openssl", $"req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout {folder}/privkey.pem -out {folder}/fullchain.pem");
        File.WriteAllText(Path.Combine(folder, "omnichat.conf"), Site(port, folder, instances));
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(folder, "temp", temp));
        }
        // As root the workers would drop to "nobody", who cannot write the test's own (private) temp folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            events { worker_connections 256; }
            http {
                log_format affinity '$cookie_omnichat_node $upstream_addr $status $request_uri';
                access_log {{folder}}/access.log affinity;
                client_body_temp_path {{folder}}/temp/body;
                proxy_temp_path {{folder}}/temp/proxy;
                fastcgi_temp_path {{folder}}/temp/fastcgi;
                uwsgi_temp_path {{folder}}/temp/uwsgi;
                scgi_temp_path {{folder}}/temp/scgi;
                include {{folder}}/omnichat.conf;
            }
            """);
        var start = new ProcessStartInfo(Binary, $"-p {folder} -c {folder}/nginx.conf -e {folder}/error.log -g \"daemon off;\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var proxy = new NginxProxy(process, folder, new Uri($"https://127.0.0.1:{port}/"));
        await proxy.WaitUntilListeningAsync(port);
        return proxy;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }

    /// <summary>The shipped site file with this test's instances, port and certificate in place of the examples.</summary>
    private static string Site(int port, string folder, IReadOnlyList<Uri> instances)
    {
        var site = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "nginx", "omnichat.conf"));
        string Replace(string text, string example, string actual) =>
            text.Contains(example, StringComparison.Ordinal) ? text.Replace(example, actual, StringComparison.Ordinal)
                : throw new InvalidOperationException($"deploy/nginx/omnichat.conf no longer has '{example}'.");
        site = Replace(site, "    server 10.0.0.11:5000;\n    server 10.0.0.12:5000;\n",
            string.Concat(instances.Select(i => $"    server {i.Authority};\n")));
        site = Replace(site, "listen 443 ssl;", $"listen 127.0.0.1:{port} ssl;");
        site = Replace(site, "/etc/ssl/omnichat/", folder + "/");
        return site;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omnichat.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Omnichat.sln was not found above the test binaries.");
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}" +
                    File.ReadAllText(Path.Combine(folder, "error.log")));
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"nginx did not listen on {port}.");
    }

    private static void Run(string file, string arguments)
    {
        using var run = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{file} did not start");
        var error = run.StandardError.ReadToEnd();
        run.WaitForExit();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {error}");
        }
    }
}
