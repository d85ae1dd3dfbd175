using Microsoft.EntityFrameworkCore;

namespace Omnichat.Core.Data;

/// <summary>Hands out the provider's context as the <see cref="OmnichatDbContext"/> every service asks for.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<OmnichatDbContext>
    where TContext : OmnichatDbContext
{
    public OmnichatDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<OmnichatDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
