namespace Omnichat.Console.Sandbox.World;

/// <summary>
/// Plausible Taiwanese names for sandbox customers, chosen from the PSID alone so the same customer has the same
/// name after a reset or on another machine (string.GetHashCode is randomised per process, so it is not used).
/// </summary>
public static class CustomerNames
{
    private static readonly string[] LastNames = ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭"];
    private static readonly string[] FirstNames = ["怡君", "志明", "雅婷", "家豪", "淑芬", "俊傑", "美玲", "冠宇", "佳穎", "宗翰", "欣怡", "建宏"];

    public static (string FirstName, string LastName) For(string psid)
    {
        ArgumentNullException.ThrowIfNull(psid);
        var hash = 2166136261u;
        foreach (var c in psid)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (FirstNames[hash % (uint)FirstNames.Length], LastNames[(hash / (uint)FirstNames.Length) % (uint)LastNames.Length]);
    }

    public static (string FirstName, string LastName) Of(SandboxCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var generated = For(customer.Psid);
        return (customer.FirstName ?? generated.FirstName, customer.LastName ?? generated.LastName);
    }
}
