using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Teams;

/// <summary>Seeding through real start-ups of the console on one SQLite file, as restarts happen in production.</summary>
public sealed class DemoSeederTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("omnichat-seed-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(folder, "omnichat.db")}";

    [Fact]
    public async Task Start_SandboxOnTwice_SeedsDemoOnce()
    {
        await StartAndStopAsync(sandbox: true);
        await StartAndStopAsync(sandbox: true);

        await using var db = CreateDb();
        (await db.Teams.Select(t => t.Name).OrderBy(n => n).ToListAsync()).ShouldBe([DemoAccounts.DemoShop, DemoAccounts.OtherShop]);
        (await db.Users.CountAsync()).ShouldBe(DemoAccounts.All.Count);
        (await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync()).ShouldBe(Roles.All.Order().ToList());
        var support = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Support.Email);
        support.TeamId.ShouldBeNull();
        var admin = await db.Users.Include(u => u.Team).SingleAsync(u => u.Email == DemoAccounts.Admin.Email);
        admin.Team!.Name.ShouldBe(DemoAccounts.DemoShop);
        admin.DisplayName.ShouldBe(DemoAccounts.Admin.DisplayName);
    }

    [Fact]
    public async Task Start_SandboxOnThenOff_LeavesNoDemoPassword()
    {
        await StartAndStopAsync(sandbox: true);
        await StartAndStopAsync(sandbox: false);

        await using var db = CreateDb();
        (await db.Users.Where(u => u.PasswordHash != null).CountAsync()).ShouldBe(0);
        (await db.Roles.CountAsync()).ShouldBe(Roles.All.Count);
    }

    [Fact]
    public async Task Start_SandboxOff_CreatesRolesButNoUsers()
    {
        await StartAndStopAsync(sandbox: false);

        await using var db = CreateDb();
        (await db.Roles.CountAsync()).ShouldBe(Roles.All.Count);
        (await db.Users.CountAsync()).ShouldBe(0);
        (await db.Teams.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Start_SandboxOn_DemoPasswordSignsIn()
    {
        IAsyncLifetime server = new ConsoleServer()
            .With("ConnectionStrings:Omnichat", ConnectionString)
            .With("Sandbox:Enabled", "true");
        await server.InitializeAsync();
        try
        {
            await using var scope = ((ConsoleServer)server).Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
            foreach (var account in DemoAccounts.All)
            {
                var user = await users.FindByEmailAsync(account.Email);
                (await users.CheckPasswordAsync(user!, DemoAccounts.Password)).ShouldBeTrue(account.Email);
                (await users.GetRolesAsync(user!)).ShouldBe([account.Role]);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private async Task StartAndStopAsync(bool sandbox)
    {
        var console = new ConsoleServer().With("ConnectionStrings:Omnichat", ConnectionString);
        IAsyncLifetime server = sandbox ? console.With("Sandbox:Enabled", "true") : console.WithoutSandbox();
        await server.InitializeAsync();
        await server.DisposeAsync();
    }

    private OmnichatDbContext CreateDb() => OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, ConnectionString);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file for a moment after the last connection closes.
        }
        return Task.CompletedTask;
    }
}
