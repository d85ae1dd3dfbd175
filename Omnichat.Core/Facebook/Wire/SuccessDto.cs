namespace Omnichat.Core.Facebook.Wire;

/// <summary><c>{"success": true}</c>; DELETE subscribed_apps may add <c>messaging_success</c>, which is ignored.</summary>
internal sealed record SuccessDto
{
    public bool? Success { get; init; }
}
