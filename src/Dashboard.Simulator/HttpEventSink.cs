using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Simulator;

/// <summary>Sends batches to <c>POST /api/v1/events</c> like any source system.</summary>
public sealed class HttpEventSink(HttpClient http, string apiKey, Action<string>? log = null) : IEventSink
{
    public async Task<bool> SendAsync(JsonArray batch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/events") { Content = JsonContent.Create(batch) };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        if ((int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            throw new HttpRequestException($"the server answered {(int)response.StatusCode}");
        }

        log?.Invoke($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return false;
    }
}
