using System.Text.Json;

namespace Omnichat.Core.Messaging;

/// <summary>A message as the thread shows it.</summary>
public sealed record MessageView(Guid Id, MessageDirection Direction, MessageKind Kind, string? Text, IReadOnlyList<WebhookAttachment> Attachments,
    string? Payload, DateTimeOffset At, DeliveryState DeliveryState, EchoSource EchoSource, bool FromStandby, string? AgentName, string? Tag,
    ReplyFailure? Failure, int? ErrorCode, int? ErrorSubcode, string? FbTraceId, string? ErrorMessage, string? AppId, bool Recovered = false)
{
    internal static MessageView From(Message m) => new(m.Id, m.Direction, m.Kind, m.Text,
        m.AttachmentsJson is null ? [] : JsonSerializer.Deserialize<List<WebhookAttachment>>(m.AttachmentsJson, MessageJson.Options) ?? [],
        m.Payload, m.At, m.DeliveryState, m.EchoSource, m.FromStandby, m.AgentName, m.Tag, m.Failure, m.ErrorCode, m.ErrorSubcode,
        m.FbTraceId, m.ErrorMessage, m.AppId, m.Recovered);

    /// <summary>"code/subcode" as support asks for it, or null.</summary>
    public string? ErrorCodeText => ErrorCode is null ? null : ErrorSubcode is { } sub ? $"{ErrorCode}/{sub}" : $"{ErrorCode}";
}
