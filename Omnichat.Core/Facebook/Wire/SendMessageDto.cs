namespace Omnichat.Core.Facebook.Wire;

internal sealed record SendMessageDto
{
    public string? RecipientId { get; init; }
    public string? MessageId { get; init; }
}
