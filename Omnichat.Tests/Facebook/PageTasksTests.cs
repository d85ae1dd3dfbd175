using Omnichat.Core.Facebook;

namespace Omnichat.Tests.Facebook;

public sealed class PageTasksTests
{
    [Theory]
    [InlineData(true, "ADVERTISE", "ANALYZE", "MANAGE")]
    [InlineData(true, "PROFILE_PLUS_FULL_CONTROL")]
    [InlineData(false, "CREATE_CONTENT", "MODERATE", "MESSAGING", "ADVERTISE", "ANALYZE")]
    [InlineData(false, "PROFILE_PLUS_MANAGE", "PROFILE_PLUS_MESSAGING")]
    [InlineData(false)]
    public void HasFullControl_Tasks_RequiresManageOrFullControl(bool expected, params string[] tasks) =>
        PageTasks.HasFullControl(tasks).ShouldBe(expected);

    [Theory]
    [InlineData(true, "MANAGE")]
    [InlineData(true, "MODERATE", "MESSAGING", "ANALYZE")]
    [InlineData(true, "PROFILE_PLUS_MESSAGING", "PROFILE_PLUS_MODERATE")]
    [InlineData(true, "MESSAGING", "PROFILE_PLUS_MODERATE")]
    [InlineData(false, "MESSAGING", "ANALYZE")]
    [InlineData(false, "MODERATE", "ADVERTISE")]
    [InlineData(false)]
    public void CanMessage_Tasks_RequiresMessagingAndModerateOrFullControl(bool expected, params string[] tasks) =>
        PageTasks.CanMessage(tasks).ShouldBe(expected);
}
