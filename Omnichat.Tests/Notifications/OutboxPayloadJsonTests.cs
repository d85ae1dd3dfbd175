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
        var page = new FailedPage(Guid.NewGuid(), "42", "台北店", ConnectionStatus.NotMessengerReceiver, FailureCause.NotMessengerReceiver);

        var payload = OutboxPayloadJson.DeserializeConnectionFailure(OutboxPayloadJson.Serialize(new ConnectionFailurePayload([page])));

        payload.Pages.ShouldHaveSingleItem().ShouldBe(page);
    }

    [Fact]
    public void DeserializeConnectionFailure_NoPages_Throws()
    {
        Should.Throw<JsonException>(() => OutboxPayloadJson.DeserializeConnectionFailure("{\"pages\":[]}"));
    }
}
