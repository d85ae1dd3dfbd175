namespace Omnichat.Core.Deployment;

/// <summary>An options section that <see cref="ConfigurationCheck"/> validates before the console starts.</summary>
public sealed record ValidatedSection(string Name, Func<IServiceProvider, object> Resolve);
