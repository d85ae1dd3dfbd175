namespace Omnichat.Core.Health;

public sealed record CheckProgress(int Done, int Total);
