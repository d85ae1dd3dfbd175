namespace Omnichat.Core.Facebook.Wire;

/// <summary>An item of <c>{page-id}/conversations</c>, and the <c>{conversation-id}</c> node with its expanded messages.</summary>
internal sealed record ConversationDto
{
    public string? Id { get; init; }
    public string? UpdatedTime { get; init; }
    public ListDto<ConversationMessageDto>? Messages { get; init; }
}

internal sealed record ConversationMessageDto
{
    public string? Id { get; init; }
    public string? CreatedTime { get; init; }
    public ConversationPersonDto? From { get; init; }
    public ListDto<ConversationPersonDto>? To { get; init; }
    public string? Message { get; init; }
    public ListDto<ConversationAttachmentDto>? Attachments { get; init; }
}

internal sealed record ConversationPersonDto
{
    [System.Text.Json.Serialization.JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }
    public string? Name { get; init; }
}

/// <summary>Images carry <c>image_data.url</c>, videos <c>video_data.url</c>, other files <c>file_url</c>.</summary>
internal sealed record ConversationAttachmentDto
{
    public string? MimeType { get; init; }
    public string? Name { get; init; }
    public UrlDto? ImageData { get; init; }
    public UrlDto? VideoData { get; init; }
    public string? FileUrl { get; init; }
}

internal sealed record UrlDto
{
    public string? Url { get; init; }
}
