using System.Text.Json.Nodes;

namespace Dashboard.Web.Tests;

/// <summary>Events in the wire format source systems send.</summary>
public static class EventJson
{
    public static JsonObject Opened(string caseId, string unitCode, bool complex = false, string? eventId = null, string priority = "High") => new()
    {
        ["eventId"] = eventId ?? Guid.NewGuid().ToString(),
        ["type"] = "CaseOpened",
        ["caseId"] = caseId,
        ["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.FromHours(-6)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["data"] = new JsonObject
        {
            ["unitCode"] = unitCode,
            ["kind"] = "Complaint",
            ["channel"] = "Module",
            ["category"] = "mistreatment",
            ["priority"] = priority,
            ["complex"] = complex,
            ["summary"] = "El derechohabiente refiere trato descortés en ventanilla.",
            ["insuredId"] = "12345678903",
        },
    };

    public static JsonObject Of(string type, string caseId, JsonObject data) => new()
    {
        ["eventId"] = Guid.NewGuid().ToString(),
        ["type"] = type,
        ["caseId"] = caseId,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["data"] = data,
    };
}
