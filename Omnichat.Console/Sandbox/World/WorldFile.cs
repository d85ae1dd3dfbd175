using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichat.Console.Sandbox.World;

/// <summary>Reads and writes the world's JSON file; writes go to a temp file first so a crash never leaves half a file.</summary>
public sealed class WorldFile(string path)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string FullPath { get; } = Path.GetFullPath(path);

    public WorldState? TryLoad()
    {
        if (!File.Exists(FullPath))
        {
            return null;
        }
        using var stream = File.OpenRead(FullPath);
        return JsonSerializer.Deserialize<WorldState>(stream, JsonOptions);
    }

    public void Save(WorldState state)
    {
        var folder = Path.GetDirectoryName(FullPath)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(FullPath)}.{Guid.NewGuid():N}.tmp");
        // Streamed: a 10,000-page world is megabytes, and one big byte array per save would stay in the array pool.
        using (var stream = File.Create(temp))
        {
            JsonSerializer.Serialize(stream, state, JsonOptions);
        }
        File.Move(temp, FullPath, overwrite: true);
    }
}
