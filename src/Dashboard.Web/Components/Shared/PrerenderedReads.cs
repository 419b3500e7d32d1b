using System.Text.Json;
using Dashboard.Core.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Reads made once per page load. A full load renders a page twice, as HTML (the prerender) and again when its circuit
/// starts, and each render read everything. The prerender's results go to the circuit inside the page (Blazor's
/// persistent state) with the live feed's position when they were read; the circuit draws them at once. One per request
/// and per circuit (scoped), shared by a page and its controls so that together they stay within one budget.
/// </summary>
public sealed class PrerenderedReads(IServiceProvider services)
{
    /// <summary>
    /// The most JSON a load hands from its prerender to its circuit. It comes back in the circuit's first message, which
    /// the Blazor hub takes up to 128 KB (UiServices); encrypted and in base64 it grows by a third. A region's 92 units
    /// are about 20 KB. Beyond the budget the circuit reads for itself.
    /// </summary>
    internal const int BudgetBytes = 48 * 1024;

    private readonly PersistentComponentState? _state = services.GetService<PersistentComponentState>();
    private readonly ILiveFeed? _feed = services.GetService<ILiveFeed>();
    private Dictionary<string, object>? _prerendered;

    /// <summary>
    /// <see cref="ReadAsync{T}"/> through the component's services; without this service (a component test) it only
    /// reads, and never asks <paramref name="interactive"/> (which a test renderer may not know).
    /// </summary>
    public static Task<T> ReadOnceAsync<T>(IServiceProvider services, string key, Func<bool> interactive, Func<Task<T>> read, Action? missedEvents = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(interactive);
        ArgumentNullException.ThrowIfNull(read);
        return services.GetService<PrerenderedReads>() is { } reads ? reads.ReadAsync(key, interactive(), read, missedEvents) : read();
    }

    /// <summary>
    /// The prerender's result when the circuit has it, else a read. <paramref name="missedEvents"/> is called when what
    /// it hands back may miss events committed since the prerender read it: the page re-reads as it does for any event.
    /// Later calls for the same key (live refreshes, a new filter) read.
    /// </summary>
    /// <param name="key">What is read, unique on the page, with what it depends on (a region's code, a filter).</param>
    /// <param name="interactive">The render asking: the circuit takes, the prerender hands over.</param>
    /// <param name="read">The read itself.</param>
    /// <param name="missedEvents">Called when the handed result may be behind the live feed.</param>
    public async Task<T> ReadAsync<T>(string key, bool interactive, Func<Task<T>> read, Action? missedEvents = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_state is null || _feed is null)
        {
            return await read();
        }

        if (interactive)
        {
            if (!TryTake<T>(key, out var taken))
            {
                return await read();
            }

            if (_feed.LastSequence > taken.Sequence)
            {
                missedEvents?.Invoke();
            }

            return taken.Value;
        }

        // Everything committed up to this position is in what the read returns (the feed publishes after commit).
        var sequence = _feed.LastSequence;
        var value = await read();
        if (_prerendered is null)
        {
            var prerendered = _prerendered = [];
            _state.RegisterOnPersisting(() =>
            {
                var budget = BudgetBytes;
                foreach (var (name, result) in prerendered)
                {
                    var size = SizeIfItReadsBack(result);
                    if (size <= budget)
                    {
                        budget -= size;
                        _state.PersistAsJson(name, result);
                    }
                }

                return Task.CompletedTask;
            }, RenderMode.InteractiveServer);
        }

        _prerendered[key] = new PrerenderedRead<T>(sequence, value);
        return value;
    }

    /// <summary>The prerender's result; none when it does not read back (the circuit then reads: a page never breaks on it).</summary>
    private bool TryTake<T>(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PrerenderedRead<T>? taken)
    {
        try
        {
            return _state!.TryTakeFromJson(key, out taken) && taken is not null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            taken = null;
            return false;
        }
    }

    /// <summary>
    /// The result's JSON in bytes, when it reads back as the same JSON. One that does not (a NaN, a value only a
    /// computed property holds) counts as over any budget and is not handed over: the circuit reads it instead of
    /// drawing something else.
    /// </summary>
    private static int SizeIfItReadsBack(object result)
    {
        try
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(result, result.GetType(), JsonSerializerOptions.Web);
            var back = JsonSerializer.Deserialize(json, result.GetType(), JsonSerializerOptions.Web);
            return json.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(back, result.GetType(), JsonSerializerOptions.Web)) ? json.Length : int.MaxValue;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return int.MaxValue;
        }
    }

    /// <summary>What a prerender read, and the live feed's position before it read.</summary>
    private sealed record PrerenderedRead<T>(long Sequence, T Value);
}
