using System.Text.Json;
using Omnichat.Core.Channels;
using Omnichat.Core.Notifications;

namespace Omnichat.Tests.Notifications;

public sealed class OutboxPayloadJsonTests
{
    [Fact]
    public void Serialize_Payload_UsesCamelCaseAndEnumNames()
    {
        var json = OutboxPayloadJson.Serialize(new ConnectionFailurePayload(
            [new FailedPage(Guid.Empty, "42", "Shop", ConnectionStatus.MissingPermission, FailureCause.PermissionMissing)]));

        json.ShouldContain("\"pages\":[");
        json.ShouldContain("\"pageName\":\"Shop\"");
        json.ShouldContain("\"status\":\"MissingPermission\"");
        json.ShouldContain("\"cause\":\"PermissionMissing\"");
    }

    [Fact]
    public void DeserializeConnectionFailure_WhatSerializeWrote_RoundTrips()
    {
        var page = new FailedPage(Guid.NewGuid(), "42", "台北店", ConnectionStatus.NotMessengerReceiver, FailureCause.NotMessengerReceiver,
            new DateTimeOffset(2026, 12, 1, 21, 57, 0, TimeSpan.Zero));

        var payload = OutboxPayloadJson.DeserializeConnectionFailure(OutboxPayloadJson.Serialize(new ConnectionFailurePayload([page])));

        payload.Pages.ShouldHaveSingleItem().ShouldBe(page);
    }

    [Fact]
    public void DeserializeConnectionFailure_PayloadQueuedWithoutFailingSince_ReadsItAsUnknown()
    {
        var json = "{\"pages\":[{\"connectionId\":\"00000000-0000-0000-0000-000000000001\",\"pageId\":\"42\",\"pageName\":\"Shop\",\"status\":\"NeedsReauthorization\",\"cause\":\"TokenExpired\"}]}";

        OutboxPayloadJson.DeserializeConnectionFailure(json).Pages.ShouldHaveSingleItem().FailingSince.ShouldBeNull();
    }

    [Fact]
    public void DeserializeConnectionFailure_NoPages_Throws()
    {
        Should.Throw<JsonException>(() => OutboxPayloadJson.DeserializeConnectionFailure("{\"pages\":[]}"));
    }
}
