namespace Omnichat.Core.Facebook;

/// <summary>A per-asset grant from debug_token; <see cref="TargetIds"/> null means the grant covers all assets.</summary>
public sealed record GranularScope(string Scope, IReadOnlyList<string>? TargetIds);
