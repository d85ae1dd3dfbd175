using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;
using static Omnichat.Core.Facebook.GraphErrorClass;

namespace Omnichat.Tests.Facebook;

/// <summary>Every row of the §8.4 classification table, plus the rows design.md adds for statuses.</summary>
public sealed class GraphErrorClassifierTests
{
    private const string PasswordChanged =
        "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.";
    private const string Impersonating =
        "Any of the pages_read_engagement, pages_manage_metadata, pages_read_user_content, pages_manage_ads, pages_show_list or pages_messaging permission(s) must be granted before impersonating a user's page.";
    private const string NotAdmins =
        "(#200) Cannot message users who are not admins, developers or testers of the app until pages_messaging permission is reviewed and the app is live.";

    public static TheoryData<int, int?, string, GraphErrorClass, FailureCause, ConnectionStatus?> Table => new()
    {
        // 190 with a subcode: the token is dead.
        { 190, 458, "Error validating access token: The user has not authorized application 257422819769992.", Reauthorize, FailureCause.AppRemoved, ConnectionStatus.NeedsReauthorization },
        { 190, 459, "You cannot access the app till you log in to www.facebook.com and follow the instructions given.", Reauthorize, FailureCause.Checkpoint, ConnectionStatus.NeedsReauthorization },
        { 190, 460, PasswordChanged, Reauthorize, FailureCause.PasswordChangedOrSecurityReset, ConnectionStatus.NeedsReauthorization },
        { 190, 463, "Error validating access token: Session has expired on Wednesday, 16-Nov-22 07:45:51 PST.", Reauthorize, FailureCause.TokenExpired, ConnectionStatus.NeedsReauthorization },
        { 190, 464, "Error validating access token: Sessions for the user are not allowed because the user is not a confirmed user.", Reauthorize, FailureCause.UnconfirmedAccount, ConnectionStatus.NeedsReauthorization },
        { 190, 466, "Error validating access token: The session was invalidated explicitly using an API call.", Reauthorize, FailureCause.SessionInvalidated, ConnectionStatus.NeedsReauthorization },
        { 190, 467, "Error validating access token: The session is invalid because the user logged out.", Reauthorize, FailureCause.SessionInvalidated, ConnectionStatus.NeedsReauthorization },
        { 190, 456, "Malformed", Reauthorize, FailureCause.SessionInvalidated, ConnectionStatus.NeedsReauthorization },
        { 190, 457, "Origin", Reauthorize, FailureCause.SessionInvalidated, ConnectionStatus.NeedsReauthorization },
        { 190, 461, "Reinstalled", Reauthorize, FailureCause.SessionInvalidated, ConnectionStatus.NeedsReauthorization },
        { 190, 462, "Stale", Reauthorize, FailureCause.SessionInvalidated, ConnectionStatus.NeedsReauthorization },
        { 190, 465, "Invalid user", Reauthorize, FailureCause.SessionInvalidated, ConnectionStatus.NeedsReauthorization },
        { 190, 468, "Unused", Reauthorize, FailureCause.SessionInvalidated, ConnectionStatus.NeedsReauthorization },
        { 190, 492, "Invalid session", PageFix, FailureCause.PageRoleLost, ConnectionStatus.NotPageAdmin },
        { 190, 12345, "Some new subcode", Reauthorize, FailureCause.TokenInvalid, ConnectionStatus.NeedsReauthorization },

        // 190 without a subcode: the message refines a code already known to be a token error.
        { 190, null, Impersonating, Reauthorize, FailureCause.PageNotGranted, ConnectionStatus.MissingPermission },
        { 190, null, "Invalid OAuth access token - Cannot parse access token", Reauthorize, FailureCause.TokenInvalid, ConnectionStatus.NeedsReauthorization },
        { 190, null, "The access token could not be decrypted", Reauthorize, FailureCause.TokenInvalid, ConnectionStatus.NeedsReauthorization },
        { 190, null, "Invalid OAuth access token signature.", Reauthorize, FailureCause.TokenInvalid, ConnectionStatus.NeedsReauthorization },
        { 190, null, "Malformed access token EAAx", Reauthorize, FailureCause.TokenInvalid, ConnectionStatus.NeedsReauthorization },
        { 190, null, PasswordChanged, Reauthorize, FailureCause.PasswordChangedOrSecurityReset, ConnectionStatus.NeedsReauthorization },
        { 190, null, "Error validating access token: The user has not authorized application 257422819769992.", Reauthorize, FailureCause.AppRemoved, ConnectionStatus.NeedsReauthorization },
        { 102, null, "Session key invalid or no longer valid", Reauthorize, FailureCause.TokenInvalid, ConnectionStatus.NeedsReauthorization },

        // Permissions: a human must grant something.
        { 10, null, "(#10) Application does not have permission for this action", PageFix, FailureCause.PermissionMissing, ConnectionStatus.MissingPermission },
        { 10, 2018336, "(#10) User thread impacted", PageFix, FailureCause.PermissionMissing, ConnectionStatus.MissingPermission },
        { 3, null, "(#3) Application does not have the capability to make this API call.", PageFix, FailureCause.PermissionMissing, ConnectionStatus.MissingPermission },
        { 200, null, "(#200) Permissions error", PageFix, FailureCause.PermissionMissing, ConnectionStatus.MissingPermission },
        { 230, null, "(#230) Requires pages_messaging permission to manage the object", PageFix, FailureCause.PermissionMissing, ConnectionStatus.MissingPermission },
        { 299, null, "(#299) Requires extended permission", PageFix, FailureCause.PermissionMissing, ConnectionStatus.MissingPermission },
        { 200, null, NotAdmins, Configuration, FailureCause.AppNotLive, null },
        { 200, 2018028, "(#200) pages_messaging has not been reviewed", Configuration, FailureCause.AppNotLive, null },
        { 10, 1893063, "(#10) This Page is temporarily restricted from sending messages.", PageFix, FailureCause.PageRestricted, null },
        { 368, null, "(#368) The action attempted has been deemed abusive or is otherwise disallowed", PageFix, FailureCause.PageRestricted, null },

        // One message failed; the connection is fine.
        { 10, 2018278, "(#10) This message is sent outside of allowed window.", MessageOnly, FailureCause.OutsideMessagingWindow, null },
        { 10, 2534022, "This message is sent outside of allowed window.", MessageOnly, FailureCause.OutsideMessagingWindow, null },
        { 10, 2018065, "(#10) This message is sent outside of allowed window. You need page_messaging_subscriptions permission", MessageOnly, FailureCause.OutsideMessagingWindow, null },
        { 10, 2018108, "(#10) This person cannot receive messages at this time.", MessageOnly, FailureCause.RecipientUnavailable, null },
        { 551, null, "(#551) This person isn't receiving messages from you right now.", MessageOnly, FailureCause.RecipientUnavailable, null },
        { 551, 1545041, "(#551) This person isn't available right now.", MessageOnly, FailureCause.RecipientUnavailable, null },
        { 200, 1545041, "(#200) Message not sent: this person isn't available right now.", MessageOnly, FailureCause.RecipientUnavailable, null },
        { 100, 2018001, "(#100) No matching user found", MessageOnly, FailureCause.RecipientNotFound, null },
        { 100, 2534014, "No matching user found", MessageOnly, FailureCause.RecipientNotFound, null },
        { 100, 2018109, "(#100) Attachment size exceeds allowable limit", MessageOnly, FailureCause.AttachmentRejected, null },
        { 100, 2018008, "(#100) Failed to fetch the file from the url", MessageOnly, FailureCause.AttachmentRejected, null },
        { 100, 2018047, "(#100) Upload attachment failure.", MessageOnly, FailureCause.AttachmentRejected, null },
        { 100, 2018294, "(#100) Video upload timed out", MessageOnly, FailureCause.AttachmentRejected, null },
        { 2018300, null, "Another app is controlling this thread now", MessageOnly, FailureCause.NotMessengerReceiver, null },
        { 100, 2534037, "(#100) Not the thread owner", MessageOnly, FailureCause.NotMessengerReceiver, null },
        { 613, 2018338, "(#613) Bothersome tag usage: slow down", MessageOnly, FailureCause.MessageRejected, null },
        { 4, 2018354, "(#4) Marketing message throttled", MessageOnly, FailureCause.MessageRejected, null },
        { 9, 2018352, "(#9) Marketing message throttled", MessageOnly, FailureCause.MessageRejected, null },
        { 613, 1893016, "(#613) Duplicate opt-in request", MessageOnly, FailureCause.MessageRejected, null },

        // Our request or the app's configuration.
        { 100, null, "(#100) Invalid parameter", Configuration, FailureCause.Configuration, null },
        { 100, 33, "Unsupported get request. Object with ID '1' does not exist", Configuration, FailureCause.Configuration, null },
        { 100, 36009, "This authorization code has been used.", Configuration, FailureCause.Configuration, null },
        { 101, null, "Error validating application. Invalid application ID.", Configuration, FailureCause.Configuration, null },

        // Decides nothing: retry.
        { 0, null, "Facebook did not answer in time", Retry, FailureCause.Transient, null },
        { 1, null, "An unknown error occurred", Retry, FailureCause.Transient, null },
        { 1, 99, "An unknown error occurred", Retry, FailureCause.Transient, null },
        { 2, null, "(#2) Service temporarily unavailable", Retry, FailureCause.Transient, null },
        { 4, null, "(#4) Application request limit reached", Retry, FailureCause.RateLimited, null },
        { 17, null, "(#17) User request limit reached", Retry, FailureCause.RateLimited, null },
        { 32, null, "(#32) Page request limit reached", Retry, FailureCause.RateLimited, null },
        { 341, null, "(#341) Application limit reached", Retry, FailureCause.RateLimited, null },
        { 613, null, "(#613) Calls to this api have exceeded the rate limit.", Retry, FailureCause.RateLimited, null },
        { 613, 2534040, "Instagram rate limit", Retry, FailureCause.RateLimited, null },
        { 80001, null, "(#80001) There have been too many calls to this Page account.", Retry, FailureCause.RateLimited, null },
        { 80006, null, "(#80006) There have been too many messenger api calls to this Page account.", Retry, FailureCause.RateLimited, null },

        // A code nobody documented: engineering looks, the connection keeps its status.
        { 424242, null, "Something new", Configuration, FailureCause.Unknown, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Classify_TableRow_ReturnsClassCauseAndStatus(int code, int? subcode, string message,
        GraphErrorClass expectedClass, FailureCause expectedCause, ConnectionStatus? expectedStatus)
    {
        var diagnosis = GraphErrorClassifier.Classify(new GraphError(code, subcode, message, "OAuthException"));

        diagnosis.ShouldBe(new GraphErrorDiagnosis(expectedClass, expectedCause, expectedStatus));
    }

    [Fact]
    public void Classify_TransportError_IsRetryWithoutStatus()
    {
        var diagnosis = GraphErrorClassifier.Classify(GraphError.Transport("the answer is not Graph JSON", 500));

        diagnosis.ShouldBe(new GraphErrorDiagnosis(Retry, FailureCause.Transient, null));
    }

    [Fact]
    public void Classify_UnknownCodeMarkedTransient_IsRetry()
    {
        var diagnosis = GraphErrorClassifier.Classify(new GraphError(424242, null, "Something new", IsTransient: true));

        diagnosis.Class.ShouldBe(Retry);
        diagnosis.Cause.ShouldBe(FailureCause.Transient);
    }

    [Theory]
    [InlineData(10, PasswordChanged)]
    [InlineData(100, Impersonating)]
    [InlineData(2, PasswordChanged)]
    public void Classify_TokenWordingOnAnotherCode_IgnoresTheWording(int code, string message)
    {
        var diagnosis = GraphErrorClassifier.Classify(new GraphError(code, null, message));

        diagnosis.Class.ShouldNotBe(Reauthorize);
        diagnosis.Cause.ShouldNotBeOneOf(FailureCause.PasswordChangedOrSecurityReset, FailureCause.PageNotGranted);
    }

    [Fact]
    public void Classify_ClassesWithoutStatus_NeverCarryOne()
    {
        foreach (var row in Table)
        {
            var diagnosis = GraphErrorClassifier.Classify(new GraphError((int)row[0], (int?)row[1], (string)row[2]));
            if (diagnosis.Class is Retry or MessageOnly or Configuration)
            {
                diagnosis.Status.ShouldBeNull($"{row[0]}/{row[1]}");
            }
        }
    }
}
