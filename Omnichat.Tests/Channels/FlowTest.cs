using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>
/// Base for tests that drive the connection flows: a console of the test's own (own database, own sandbox world)
/// and a <see cref="ConsentDriver"/> on it.
/// </summary>
public abstract class FlowTest : IAsyncLifetime
{
    protected ConsoleServer Server { get; private set; } = default!;

    protected ConsentDriver Driver { get; private set; } = default!;

    /// <summary>Settings this test class needs before the console starts.</summary>
    protected virtual void Configure(ConsoleServer server)
    {
    }

    /// <summary>What every test of the class starts from, after the console is up.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Server = await ConsoleServer.StartAsync(Configure);
        Driver = new ConsentDriver(Server);
        await ArrangeAsync();
    }

    public async Task DisposeAsync()
    {
        Driver.Dispose();
        await Server.DisposeAsync();
    }
}
