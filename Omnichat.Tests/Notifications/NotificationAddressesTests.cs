using Omnichat.Core.Notifications;

namespace Omnichat.Tests.Notifications;

public sealed class NotificationAddressesTests
{
    [Fact]
    public void Merge_AdminsAndExtraAddressesOverlap_KeepsOneOfEachIgnoringCase()
    {
        var merged = NotificationAddresses.Merge(["admin@demo.local", null, " "], "Admin@Demo.local, ops@demo.local;ops@DEMO.local\nboss@shop.test");

        merged.ShouldBe(["admin@demo.local", "ops@demo.local", "boss@shop.test"]);
    }

    [Fact]
    public void Merge_NothingConfigured_IsEmpty()
    {
        NotificationAddresses.Merge([], "").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ops@demo.local", true)]
    [InlineData("first.last+tag@shop.example.com", true)]
    [InlineData("ops@", false)]
    [InlineData("ops", false)]
    [InlineData("Ops <ops@demo.local>", false)]
    [InlineData("ops@@demo.local", false)]
    public void IsValid_Address_AcceptsBareAddressesOnly(string address, bool valid)
    {
        NotificationAddresses.IsValid(address).ShouldBe(valid);
    }
}
