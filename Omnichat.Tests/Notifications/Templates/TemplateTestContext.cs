using Bunit;

namespace Omnichat.Tests.Notifications.Templates;

/// <summary>bUnit for the e-mail templates: they inject nothing, so a bare context is all they need.</summary>
public abstract class TemplateTestContext : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await Context.DisposeAsync();
}
