using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Omnichat.Tests.Resources;

/// <summary>
/// The compiler checks that every key a page uses exists (Loc[nameof(ChannelsStrings.Key)]); these tests check the
/// rest: every zh-TW key has English, English has no stray keys, and no key lies unused in the .resx.
/// </summary>
public sealed partial class ResourceStringsTests
{
    /// <summary>Projects with typed resources: the console's pages, and Core's e-mail templates.</summary>
    private static readonly string[] Projects = ["Omnichat.Console", "Omnichat.Core"];

    /// <summary>Every area with an English file; MudBlazorStrings has none (English is MudBlazor's own).</summary>
    public static TheoryData<string, string> Areas()
    {
        var areas = new TheoryData<string, string>();
        foreach (var project in Projects)
        {
            foreach (var file in Directory.GetFiles(ResourcesFolderOf(project), "*.en.resx").Order())
            {
                areas.Add(project, Path.GetFileName(file)[..^".en.resx".Length]);
            }
        }
        return areas;
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Area_EveryKey_HasChineseAndEnglishValues(string project, string area)
    {
        var resourcesFolder = ResourcesFolderOf(project);
        var chinese = Read(Path.Combine(resourcesFolder, $"{area}.resx"));
        var english = Read(Path.Combine(resourcesFolder, $"{area}.en.resx"));

        english.Keys.Except(chinese.Keys).ShouldBeEmpty($"{area}.en.resx has keys the zh-TW file lacks");
        chinese.Keys.Except(english.Keys).ShouldBeEmpty($"{area}.en.resx lacks these keys");
        chinese.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ShouldBeEmpty();
        english.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Area_EveryKey_IsUsedInItsProject(string project, string area)
    {
        var resourcesFolder = ResourcesFolderOf(project);
        var source = string.Join('\n', Directory
            .EnumerateFiles(Path.Combine(RepositoryRoot(), project), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var used = KeyReference().Matches(source)
            .Where(m => m.Groups["area"].Value == area)
            .Select(m => m.Groups["key"].Value)
            .ToHashSet();

        Read(Path.Combine(resourcesFolder, $"{area}.resx")).Keys.Where(k => !used.Contains(k))
            .ShouldBeEmpty($"unused keys in {area}.resx: delete them or use them as {area}.Key");
    }

    /// <summary>Every neutral (zh-TW) file, MudBlazorStrings included.</summary>
    public static TheoryData<string, string> ChineseFiles()
    {
        var files = new TheoryData<string, string>();
        foreach (var project in Projects)
        {
            foreach (var file in Directory.GetFiles(ResourcesFolderOf(project), "*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)).Order())
            {
                files.Add(project, Path.GetFileName(file));
            }
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(ChineseFiles))]
    public void ChineseFile_HasNoEnglishSentence(string project, string file)
    {
        // Names such as "Facebook Messenger" are two words; three English words in a row are a sentence left untranslated.
        Read(Path.Combine(ResourcesFolderOf(project), file))
            .Where(kv => EnglishRun().IsMatch(kv.Value) || PluralForms().IsMatch(kv.Value))
            .Select(kv => $"{kv.Key}: {kv.Value}")
            .ShouldBeEmpty($"{file} has English text, or plural forms zh-TW does not have");
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Area_EnglishCounts_UsePluralForms(string project, string area)
    {
        var english = Read(Path.Combine(ResourcesFolderOf(project), $"{area}.en.resx"));

        english.Where(kv => kv.Value.Contains("(s)", StringComparison.Ordinal)).Select(kv => kv.Key)
            .ShouldBeEmpty("a count reads \"1 Page\", \"2 Pages\": use \"{0} {0:Page|Pages}\", not \"Page(s)\"");
        english.Where(kv => PluralForms().Matches(kv.Value).Any(m => m.Groups["forms"].Value.Split('|').Length != 2)).Select(kv => kv.Key)
            .ShouldBeEmpty("a plural item has a singular and a plural form: {0:Page|Pages}");
    }

    private static string ResourcesFolderOf(string project) => Path.Combine(RepositoryRoot(), project, "Resources");

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [GeneratedRegex(@"\b(?<area>[A-Z][A-Za-z]*Strings)\.(?<key>[A-Z][A-Za-z0-9_]*)")]
    private static partial Regex KeyReference();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}")]
    private static partial Regex EnglishRun();

    [GeneratedRegex(@"\{[0-9]+:(?<forms>[^{}]*\|[^{}]*)\}")]
    private static partial Regex PluralForms();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omnichat.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("No Omnichat.sln above the test output.");
    }
}
