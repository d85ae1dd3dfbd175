using System.Text;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Messaging;

/// <summary>Every event kind of §6.2 and §9.3, as Meta sends it.</summary>
public sealed class WebhookPayloadTests
{
    private const string Page = "104518538110000";
    private const string Psid = "7112233445566778";

    private static IReadOnlyList<WebhookEvent> Parse(string events, string field = "messaging") =>
        WebhookPayload.Parse(Encoding.UTF8.GetBytes(
            $"{{\"object\":\"page\",\"entry\":[{{\"id\":\"{Page}\",\"time\":1761900000123,\"{field}\":[{events}]}}]}}"));

    [Fact]
    public void Text_WithQuickReply_ReadsMidTextPayloadAndMillisecondTimestamp()
    {
        var e = Parse($$$$"""{"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":1761899999870,"message":{"mid":"m_1","text":"Yes please","quick_reply":{"payload":"ORDER_YES"}}}""").Single();
        e.Kind.ShouldBe(WebhookEventKind.Message);
        (e.Mid, e.Text, e.Payload, e.Psid, e.PageId, e.Standby).ShouldBe(("m_1", "Yes please", "ORDER_YES", Psid, Page, false));
        e.At.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1761899999870));
    }

    [Fact]
    public void Attachments_KeepTypeAndUrl()
    {
        var e = Parse($$$$"""{"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":1,"message":{"mid":"m_2","attachments":[{"type":"image","payload":{"url":"https://lookaside.example/x.jpg"}},{"type":"sticker","payload":{"url":"https://s/1.png","sticker_id":369239263222822}}]}}""").Single();
        e.Attachments.ShouldBe([new WebhookAttachment("image", "https://lookaside.example/x.jpg"), new WebhookAttachment("sticker", "https://s/1.png")]);
        e.Text.ShouldBeNull();
    }

    [Fact]
    public void Echo_SwapsSenderAndRecipient_AndReadsNumericAppIdAndMetadata()
    {
        var e = Parse($$$$"""{"sender":{"id":"{{{{Page}}}}"},"recipient":{"id":"{{{{Psid}}}}"},"timestamp":2,"message":{"is_echo":true,"app_id":263902037430900,"metadata":"agent:42","mid":"m_9","text":"We open at 9am."}}""").Single();
        e.Kind.ShouldBe(WebhookEventKind.Echo);
        (e.Psid, e.AppId, e.Metadata).ShouldBe((Psid, "263902037430900", "agent:42"));
    }

    [Fact]
    public void DeliveryAndRead_ReadWatermarksAndMids()
    {
        var events = Parse($$$$"""
            {"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"delivery":{"mids":["m_9"],"watermark":1761900101000}},
            {"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":1761900200000,"read":{"watermark":1761900101000}}
            """);
        var delivery = events.Single(e => e.Kind == WebhookEventKind.Delivery);
        delivery.Mids.ShouldBe(["m_9"]);
        delivery.Watermark.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1761900101000));
        delivery.At.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1761900101000), "no timestamp: the watermark orders it");
        events.Single(e => e.Kind == WebhookEventKind.Read).Watermark.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1761900101000));
    }

    [Fact]
    public void Postback_Edit_AndHandovers()
    {
        var events = Parse($$$$"""
            {"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":10,"postback":{"title":"Talk to a human","payload":"HANDOFF"}},
            {"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":11,"message_edit":{"mid":"m_1","text":"edited","num_edit":1}},
            {"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":12,"pass_thread_control":{"previous_owner_app_id":"263902037430900","new_owner_app_id":"257422819769992","metadata":"back to bot"}},
            {"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":13,"take_thread_control":{"previous_owner_app_id":null,"new_owner_app_id":"1"}},
            {"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":14,"request_thread_control":{"requested_owner_app_id":123456789,"metadata":"please"}},
            {"recipient":{"id":"{{{{Page}}}}"},"timestamp":15,"app_roles":{"257422819769992":["primary_receiver"]}}
            """);
        events.Select(e => e.Kind).ShouldBe([WebhookEventKind.Postback, WebhookEventKind.Edit, WebhookEventKind.PassThreadControl,
            WebhookEventKind.TakeThreadControl, WebhookEventKind.RequestThreadControl, WebhookEventKind.AppRoles]);
        (events[0].Text, events[0].Payload).ShouldBe(("Talk to a human", "HANDOFF"));
        (events[1].Mid, events[1].Text).ShouldBe(("m_1", "edited"));
        (events[2].PreviousOwnerAppId, events[2].NewOwnerAppId, events[2].Metadata).ShouldBe(("263902037430900", "257422819769992", "back to bot"));
        events[3].PreviousOwnerAppId.ShouldBeNull();
        events[4].NewOwnerAppId.ShouldBe("123456789");
        events[5].NewOwnerAppId.ShouldBe("257422819769992");
    }

    [Fact]
    public void Standby_IsMarked_AndPostbackWithoutPayloadIsRead()
    {
        var e = Parse($$$$"""{"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":1,"postback":{"title":"Get Started"}}""", "standby").Single();
        e.Standby.ShouldBeTrue();
        (e.Kind, e.Payload).ShouldBe((WebhookEventKind.Postback, null));
    }

    [Fact]
    public void SeveralEntries_AreAllRead_AndSortedByTimestamp()
    {
        var body = """
            {"object":"page","entry":[
              {"id":"1","time":5,"messaging":[{"sender":{"id":"a"},"recipient":{"id":"1"},"timestamp":30,"message":{"mid":"m3","text":"3"}}]},
              {"id":"2","time":5,"messaging":[{"sender":{"id":"b"},"recipient":{"id":"2"},"timestamp":10,"message":{"mid":"m1","text":"1"}}],
                         "standby":[{"sender":{"id":"c"},"recipient":{"id":"2"},"timestamp":20,"message":{"mid":"m2","text":"2"}}]}]}
            """;
        var events = WebhookPayload.Parse(Encoding.UTF8.GetBytes(body));
        events.Select(e => e.Mid).ShouldBe(["m1", "m2", "m3"]);
        events.Select(e => e.PageId).ShouldBe(["2", "2", "1"]);
    }

    [Fact]
    public void UnknownEvent_IsKeptAsUnknown_NotDropped()
    {
        var e = Parse($$$$"""{"sender":{"id":"{{{{Psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":1,"reaction":{"mid":"m_1","action":"react","emoji":"❤"}}""").Single();
        e.Kind.ShouldBe(WebhookEventKind.Unknown);
        e.Json.ShouldContain("reaction");
    }
}
