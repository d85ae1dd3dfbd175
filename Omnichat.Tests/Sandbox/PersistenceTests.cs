using System.Net;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

/// <summary>Stops one console and starts another on the same state file: demo tokens must survive.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Restart_SameStateFile_TokensAndGrantsStillWork()
    {
        string userToken;
        string pageToken;
        string statePath;
        await using (var first = new ConsoleServer())
        {
            await first.InitializeAsync();
            using var sandbox = new SandboxDriver(first);
            userToken = await sandbox.LongLivedTokenAsync(DemoWorld.DanaId);
            pageToken = await sandbox.PageTokenAsync(userToken, DemoWorld.ShopPageId(9));
            (await sandbox.ControlAsync(HttpMethod.Post, $"users/{DemoWorld.SamId}/two-factor")).EnsureSuccessStatusCode();
            // The first server's data folder goes away with it; keep its state file as a restart would find it.
            statePath = Path.Combine(Directory.CreateTempSubdirectory("omnichat-restart-").FullName, "sandbox.json");
            File.Copy(Path.Combine(first.DataFolder, "sandbox.json"), statePath);
        }

        await using var second = new ConsoleServer().With("Sandbox:StatePath", statePath);
        await second.InitializeAsync();
        using var again = new SandboxDriver(second);

        (await again.DebugAsync(pageToken)).GetProperty("is_valid").GetBoolean().ShouldBeTrue();
        using var me = await again.Client.GetAsync(SandboxDriver.Graph("me", new() { ["access_token"] = userToken }));
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sam = (await again.StateAsync()).GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == DemoWorld.SamId);
        sam.GetProperty("tokenState").GetString().ShouldBe("twoFactor");
        await second.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(statePath)!, recursive: true);
    }

    [Fact]
    public async Task Restart_SameStateFile_CustomerKeepsTheNameGivenWithTheMessage()
    {
        const string psid = "7600000000000001";
        var pageId = DemoWorld.ShopPageId(9);
        string pageToken;
        string statePath;
        await using (var first = new ConsoleServer())
        {
            await first.InitializeAsync();
            using var sandbox = new SandboxDriver(first);
            pageToken = await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId), pageId);
            (await sandbox.ControlAsync(HttpMethod.Post, $"pages/{pageId}/customer-messages", new { psid, text = "hi", firstName = "Amy", lastName = "Wang" }))
                .EnsureSuccessStatusCode();
            statePath = Path.Combine(Directory.CreateTempSubdirectory("omnichat-restart-").FullName, "sandbox.json");
            File.Copy(Path.Combine(first.DataFolder, "sandbox.json"), statePath);
        }

        await using var second = new ConsoleServer().With("Sandbox:StatePath", statePath);
        await second.InitializeAsync();
        using var again = new SandboxDriver(second);

        using var response = await again.Client.GetAsync(SandboxDriver.Graph(psid, new() { ["fields"] = "first_name,last_name", ["access_token"] = pageToken }));
        var profile = await SandboxDriver.JsonAsync(response, HttpStatusCode.OK);
        (profile.GetProperty("first_name").GetString(), profile.GetProperty("last_name").GetString()).ShouldBe(("Amy", "Wang"));
        await second.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(statePath)!, recursive: true);
    }

    [Fact]
    public async Task Restart_AfterOnlyReadsHandedOutTokens_TheyStillWork()
    {
        var statePath = Path.Combine(Directory.CreateTempSubdirectory("omnichat-restart-").FullName, "sandbox.json");
        string pageToken;
        await using (var first = new ConsoleServer().With("Sandbox:StatePath", statePath))
        {
            await first.InitializeAsync();
            using var sandbox = new SandboxDriver(first);
            var userToken = await sandbox.LongLivedTokenAsync(DemoWorld.DanaId);
            var savedBefore = File.GetLastWriteTimeUtc(statePath);
            // A page token from a read (the page node's access_token): no change of the world saves it right away.
            pageToken = await sandbox.PageTokenAsync(userToken, DemoWorld.ShopPageId(9));
            await Eventually.TrueAsync(() => File.GetLastWriteTimeUtc(statePath) > savedBefore, TimeSpan.FromSeconds(10),
                "the tokens a read handed out are saved shortly after");
        }

        await using var second = new ConsoleServer().With("Sandbox:StatePath", statePath);
        await second.InitializeAsync();
        using var again = new SandboxDriver(second);

        (await again.DebugAsync(pageToken)).GetProperty("is_valid").GetBoolean().ShouldBeTrue();
        await second.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(statePath)!, recursive: true);
    }
}
