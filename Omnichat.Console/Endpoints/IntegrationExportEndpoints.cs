using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Omnichat.Console.Components.Account;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Console.Resources;
using Omnichat.Core.Integrations;

namespace Omnichat.Console.Endpoints;

/// <summary>The integration status list as CSV, with the same filters as the page's address; support staff only.</summary>
public static class IntegrationExportEndpoints
{
    public static IEndpointRouteBuilder MapIntegrationExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(IntegrationQueryString.ExportPath, Export).RequireAuthorization(Policies.Support);
        return app;
    }

    private static IResult Export(HttpContext http, IntegrationStatusService integrations, TimeProvider clock,
        IStringLocalizer<SupportStrings> loc)
    {
        var caller = http.User.ToCaller();
        var query = IntegrationQueryString.Parse(http.Request.Query);
        var fileName = $"integrations-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
        return TypedResults.Stream(async body =>
        {
            // A byte-order mark, so spreadsheet programs read the Chinese names as UTF-8.
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await writer.WriteLineAsync(Line(
                loc[nameof(SupportStrings.ColTeam)], loc[nameof(SupportStrings.ColPage)], "page_id", loc[nameof(SupportStrings.ColStatus)], "status",
                loc[nameof(SupportStrings.ColCause)], "cause", loc[nameof(SupportStrings.ColFailingSince)], loc[nameof(SupportStrings.ColLastCheck)],
                loc[nameof(SupportStrings.ColLastEmail)], "email_state", loc[nameof(SupportStrings.ColPlan)], "plan_ended", "team_id", "connection_id"));
            await foreach (var row in integrations.ExportAsync(caller, query, http.RequestAborted))
            {
                await writer.WriteLineAsync(Line(
                    row.TeamName, row.PageName, row.PageId, FacebookText.Status(row.Status), row.Status.ToString(),
                    FacebookText.Cause(row.Cause), row.Cause.ToString(), Time(row.FailingSince), Time(row.LastCheckedAt),
                    row.LastEmail is { } email ? $"{SupportText.EmailState(loc, email.State)} {Time(email.At)}" : "",
                    row.LastEmail?.State.ToString() ?? "", SupportText.Plan(loc, row.PlanEndsOn, row.PlanEnded),
                    row.PlanEnded ? "true" : "false", row.TeamId.ToString(), row.ConnectionId.ToString()));
            }
        }, "text/csv; charset=utf-8", fileName);
    }

    // A file for spreadsheets and scripts, read in any zone: instants stay in UTC and say so.
    private static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";

    private static string Line(params string[] cells) => string.Join(',', cells.Select(Cell));

    /// <summary>
    /// Quotes as RFC 4180 says, and defuses cells a spreadsheet would run as a formula: page and team names come from
    /// Facebook and from customers, not from us.
    /// </summary>
    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
