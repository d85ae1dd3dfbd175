namespace Omnichat.Core.Integrations;

/// <summary>The last error Facebook gave for a connection, with what Meta's support asks for.</summary>
public sealed record GraphErrorRecord(DateTimeOffset At, int? Code, int? Subcode, string? FbTraceId, string? Detail);
