namespace Omnichat.Console.Localization;

/// <summary>A language the console speaks; <see cref="NativeName"/> is how the language switch shows it.</summary>
public sealed record ConsoleCulture(string Name, string NativeName);
