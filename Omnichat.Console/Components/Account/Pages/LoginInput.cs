using System.ComponentModel.DataAnnotations;
using Omnichat.Console.Resources;

namespace Omnichat.Console.Components.Account.Pages;

/// <summary>What the sign-in form posts.</summary>
public sealed class LoginInput
{
    [Required(ErrorMessageResourceType = typeof(AccountStrings), ErrorMessageResourceName = nameof(AccountStrings.EmailRequired))]
    [EmailAddress(ErrorMessageResourceType = typeof(AccountStrings), ErrorMessageResourceName = nameof(AccountStrings.EmailInvalid))]
    public string Email { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(AccountStrings), ErrorMessageResourceName = nameof(AccountStrings.PasswordRequired))]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
