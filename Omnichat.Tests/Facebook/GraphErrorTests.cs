using Omnichat.Core.Facebook;

namespace Omnichat.Tests.Facebook;

public sealed class GraphErrorTests
{
    [Fact]
    public void ToString_CodeSubcodeAndTrace_UsesCompactForm()
    {
        new GraphError(190, 460, "Error validating access token", FbTraceId: "AbC").ToString()
            .ShouldBe("(#190/460) Error validating access token [fbtrace AbC]");
    }

    [Fact]
    public void ToString_NoSubcodeNoTrace_OmitsThem()
    {
        new GraphError(100, null, "Invalid parameter").ToString().ShouldBe("(#100) Invalid parameter");
    }

    [Fact]
    public void ToString_MessageStartsWithCode_PrintsTheCodeOnce()
    {
        new GraphError(10, 2018278, "(#10) This message is sent outside of allowed window.").ToString()
            .ShouldBe("(#10/2018278) This message is sent outside of allowed window.");
    }

    [Fact]
    public void ToString_MessageWithToken_RedactsIt()
    {
        var text = new GraphError(190, null, "Bad token EAAGm0PX4ZCpsBAsecret and app 257422819769992|app-secret-9f2c1e").ToString();

        text.ShouldNotContain("EAA");
        text.ShouldNotContain("app-secret");
    }

    [Fact]
    public void Transport_WithStatus_IsCodeZeroAndSaysSo()
    {
        var error = GraphError.Transport("the answer is not Graph JSON", 502);

        error.Code.ShouldBe(0);
        error.IsTransport.ShouldBeTrue();
        error.HttpStatus.ShouldBe(502);
        error.ToString().ShouldBe("(no answer from Facebook, HTTP 502) the answer is not Graph JSON");
    }

    [Fact]
    public void IsTransport_GraphCode_IsFalse() => new GraphError(2, null, "x").IsTransport.ShouldBeFalse();
}
