using Omnichat.Core.Facebook;
using Omnichat.Tests.Facebook.Support;

namespace Omnichat.Tests.Facebook;

/// <summary><c>Facebook:SystemUserConfigId</c>: empty is off, set it must be another configuration's numeric id.</summary>
public sealed class FacebookOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9400000000000001")]
    public void SystemUserConfigId_EmptyOrNumeric_IsFine(string? configId)
    {
        var options = GraphTestClient.Options();
        options.SystemUserConfigId = configId;

        new FacebookOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void SystemUserConfigId_NotAnId_SaysWhatItMustBe()
    {
        var options = GraphTestClient.Options();
        options.SystemUserConfigId = "system user";

        var result = new FacebookOptionsValidator().Validate(null, options);

        result.Failures.ShouldHaveSingleItem().ShouldContain("Facebook:SystemUserConfigId 'system user' must be the numeric id of a Facebook Login for Business configuration");
    }

    [Fact]
    public void SystemUserConfigId_SameAsConfigId_IsRefused()
    {
        var options = GraphTestClient.Options();
        options.ConfigId = "1234567890";
        options.SystemUserConfigId = "1234567890";

        var result = new FacebookOptionsValidator().Validate(null, options);

        result.Failures.ShouldHaveSingleItem().ShouldContain("must be another configuration than Facebook:ConfigId");
    }
}
