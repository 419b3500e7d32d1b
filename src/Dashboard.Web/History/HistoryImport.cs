using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;

namespace Dashboard.Web.History;

/// <summary>What an import did, over all its files.</summary>
public sealed record HistoryImportResult(long Lines, long Events, long SlaEvents, long Refused, bool Failed, TimeSpan Took);

/// <summary>
/// Loads past cases through the case-event service as if they had happened live. Each file is NDJSON: one event of the
/// ingestion contract per line (what <see cref="CaseEventContract.ToJson"/> writes and <c>POST /api/v1/events</c>
/// takes). Before each event the import appends what the SLA sweep would have appended for that case by then (warnings,
/// breaches, escalation steps, named as the sweep names them), so clocks, breaches and escalation levels come out as
/// live (each deadline at its own instant, as the sweep that runs every second); at the end it catches every imported
/// case up to the instant the import began. Escalations that became due
/// before that instant are recorded and alert nobody (<see cref="HistoryImportRecord.IsHistory"/>): the alert job skips
/// them. Progress is kept per file, so an interrupted import resumes at the last stored line; event ids make a line
/// stored twice a duplicate, never a second event. A case opened before the file starts from its stored state. Known
/// limit: on a resume, such a case's stored state already holds the file's earlier lines, which the resume applies again
/// in memory (they are not stored again); where that differs from the log, the store, which checks every event again in
/// its transaction, refuses what no longer applies, and the import stops at that line.
/// </summary>
public sealed class HistoryImport(
    CaseEventService events,
    ICaseReader cases,
    ICaseEventLog log,
    IHistoryImportStore imports,
    CatalogueService catalogue,
    TimeProvider time)
{
    private readonly CaseEventService _events = events;
    private readonly ICaseReader _cases = cases;
    private readonly ICaseEventLog _log = log;
    private readonly IHistoryImportStore _imports = imports;
    private readonly CatalogueService _catalogue = catalogue;
    private readonly TimeProvider _time = time;
    /// <summary>Events per append: one durable commit each, two in flight so reading the file overlaps writing.</summary>
    public int BatchEvents { get; set; } = 2000;

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    /// <summary>The NDJSON files of a folder in name order, or the one file named.</summary>
    public static IReadOnlyList<string> FilesOf(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToArray()
            : [path];

    public async Task<HistoryImportResult> RunAsync(IReadOnlyList<string> files, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(output);
        var started = _time.GetTimestamp();
        var total = new Counts();
        foreach (var file in files)
        {
            if (!await ImportFileAsync(file, output, total, cancellationToken))
            {
                return total.Result(failed: true, _time.GetElapsedTime(started));
            }
        }

        return total.Result(failed: false, _time.GetElapsedTime(started));
    }

    private async Task<bool> ImportFileAsync(string file, TextWriter output, Counts total, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            await output.WriteLineAsync($"{file}: no such file");
            return false;
        }

        // The same file (name and size) resumes; the instant its import first began stays the line between past and present.
        var source = $"{info.Name}:{info.Length}";
        var record = await _imports.BeginAsync(source, _time.GetUtcNow(), await _log.ReadLastSequenceAsync(cancellationToken), cancellationToken);
        if (record.CompletedAt is { } done)
        {
            await output.WriteLineAsync($"{info.Name}: imported already on {done:yyyy-MM-dd HH:mm} UTC; nothing to do");
            return true;
        }

        var run = new FileRun(this, record, info, output, total);
        if (record.LinesDone > 0)
        {
            await output.WriteLineAsync($"{info.Name}: resuming after line {record.LinesDone:N0} (the lines before it are read again, not stored again)");
        }

        var ok = await run.ImportAsync(cancellationToken);
        if (ok)
        {
            await _imports.MarkCompletedAsync(source, await _log.ReadLastSequenceAsync(cancellationToken), _time.GetUtcNow(), cancellationToken);
        }

        return ok;
    }

    private sealed class Counts
    {
        public long Lines;
        public long Events;
        public long SlaEvents;
        public long Refused;

        public HistoryImportResult Result(bool failed, TimeSpan took) => new(Lines, Events, SlaEvents, Refused, failed, took);
    }

    /// <summary>One file's import: the cases' state as the log will have it, the batch being built and the ones in flight.</summary>
    private sealed class FileRun(HistoryImport owner, HistoryImportRecord record, FileInfo file, TextWriter output, Counts total)
    {
        private readonly Dictionary<string, CaseState?> _states = new(StringComparer.Ordinal);
        private readonly CaseContext _context = owner._catalogue.Context;
        private readonly Queue<(Task<AppendResult> Append, List<long> Lines, long LastLine)> _inFlight = new();
        private readonly long _startedAt = owner._time.GetTimestamp();
        private List<CaseEvent> _batch = [];
        private List<long> _batchLines = [];
        private long _line;
        private long _bytesRead;
        private long _lastReport;
        private long _linesDone;

        public async Task<bool> ImportAsync(CancellationToken cancellationToken)
        {
            _lastReport = _startedAt;
            using (var reader = new StreamReader(file.FullName, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
            {
                while (await reader.ReadLineAsync(cancellationToken) is { } text)
                {
                    _line++;
                    _bytesRead += System.Text.Encoding.UTF8.GetByteCount(text) + 1;
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        await ReadLineAsync(text, cancellationToken);
                    }

                    if (_batch.Count >= owner.BatchEvents && !await FlushAsync(cancellationToken))
                    {
                        return false;
                    }

                    await ReportAsync(force: false);
                }
            }

            // Every case caught up to just before the instant the import began: what became due from then on is the live
            // sweep's, and alerted.
            foreach (var caseId in _states.Keys.ToArray())
            {
                AddDue(caseId, record.StartedAt.AddTicks(-1), _line);
            }

            if (!await FlushAsync(cancellationToken) || !await DrainAsync(0))
            {
                return false;
            }

            await ReportAsync(force: true);
            return true;
        }

        private async Task ReadLineAsync(string text, CancellationToken cancellationToken)
        {
            ParsedEvents parsed;
            try
            {
                using var document = JsonDocument.Parse(text, CaseEventParser.DocumentOptions);
                parsed = CaseEventParser.Parse(document.RootElement, owner._time.GetUtcNow(), owner._catalogue.Current.FindUnit, owner._catalogue.Current.FindAgent);
            }
            catch (JsonException ex)
            {
                await RefuseAsync($"not JSON: {ex.Message}");
                return;
            }

            if (!parsed.IsValid)
            {
                await RefuseAsync(string.Join("; ", parsed.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
                return;
            }

            foreach (var e in parsed.Events)
            {
                if (!_states.TryGetValue(e.CaseId, out var state) && e.Data is not CaseOpenedData)
                {
                    // A case opened before this file: its state as stored.
                    state = _states[e.CaseId] = await owner._cases.ReadByIdAsync(e.CaseId, ReadScope.All, cancellationToken);
                }

                // What the sweep would have stored for this case before the event happened.
                AddDue(e.CaseId, e.OccurredAt.AddTicks(-1), _line);
                state = _states.GetValueOrDefault(e.CaseId);
                var decision = CaseRules.Apply(state, e, _context);
                if (!decision.IsAccepted)
                {
                    await RefuseAsync(decision.Rejection!);
                    continue;
                }

                _states[e.CaseId] = decision.Next;
                Add(e, _line);
                total.Events += _line > record.LinesDone ? 1 : 0;
            }
        }

        /// <summary>
        /// The sweep's events for one case due by <paramref name="until"/>, applied to its state and queued. Each deadline is
        /// planned at its own instant, as the sweep that runs every second plans it: a warning is recorded before the
        /// breach that follows it, not skipped by a catch-up that only sees the breach.
        /// </summary>
        private void AddDue(string caseId, DateTimeOffset until, long line)
        {
            if (_states.GetValueOrDefault(caseId) is not { } state)
            {
                return;
            }

            var (after, due) = SlaSweep.DueThrough(state, until, _context);
            foreach (var e in due)
            {
                Add(e with { Actor = CaseActor.SlaSweep }, line);
                total.SlaEvents += line > record.LinesDone ? 1 : 0;
            }

            _states[caseId] = after;
        }

        /// <summary>Lines already stored (before the resume point) only rebuild the cases' state.</summary>
        private void Add(CaseEvent e, long line)
        {
            if (line <= record.LinesDone)
            {
                return;
            }

            _batch.Add(e);
            _batchLines.Add(line);
        }

        private async Task RefuseAsync(string reason)
        {
            if (_line <= record.LinesDone)
            {
                return;
            }

            total.Refused++;
            if (total.Refused <= 100)
            {
                await output.WriteLineAsync($"{file.Name}:{_line}: {reason}");
            }
            else if (total.Refused == 101)
            {
                await output.WriteLineAsync("more refused lines follow; only the first 100 are printed");
            }
        }

        private async Task<bool> FlushAsync(CancellationToken cancellationToken)
        {
            var lastLine = _line;
            if (_batch.Count > 0)
            {
                _inFlight.Enqueue((owner._events.AppendAsync(_batch, CaseActor.HistoryImport(file.Name), cancellationToken), _batchLines, lastLine));
                _batch = [];
                _batchLines = [];
            }
            else if (_inFlight.Count == 0 && lastLine > record.LinesDone)
            {
                await owner._imports.SetLinesDoneAsync(record.Source, lastLine, cancellationToken);
            }

            return await DrainAsync(1);
        }

        /// <summary>Waits until at most <paramref name="keep"/> appends are in flight, recording each one's last line once stored.</summary>
        private async Task<bool> DrainAsync(int keep)
        {
            while (_inFlight.Count > keep)
            {
                var (append, lines, lastLine) = _inFlight.Dequeue();
                var result = await append;
                if (result.Outcome != AppendOutcome.Committed)
                {
                    var line = result.FailedIndex >= 0 && result.FailedIndex < lines.Count ? lines[result.FailedIndex] : lastLine;
                    await output.WriteLineAsync($"{file.Name}:{line}: {result.Outcome}: {result.Reason}");
                    await output.WriteLineAsync($"stopped; fix the line and run the same command again: it resumes after line {_linesDone:N0}");
                    return false;
                }

                _linesDone = lastLine;
                total.Lines = Math.Max(total.Lines, lastLine);
                await owner._imports.SetLinesDoneAsync(record.Source, lastLine, CancellationToken.None);
            }

            return true;
        }

        private async Task ReportAsync(bool force)
        {
            var now = owner._time.GetTimestamp();
            if (!force && owner._time.GetElapsedTime(_lastReport, now) < ProgressEvery)
            {
                return;
            }

            _lastReport = now;
            var elapsed = owner._time.GetElapsedTime(_startedAt, now);
            var rate = (_line - record.LinesDone) / Math.Max(elapsed.TotalSeconds, 0.001);
            var share = file.Length == 0 ? 1 : Math.Min(1, (double)_bytesRead / file.Length);
            var eta = share > 0 && share < 1 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - share) / share) : TimeSpan.Zero;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{file.Name}: {(force ? "done" : "line")} {_line:N0} ({share:P0}), {rate:N0} rows/s, {total.Events:N0} events + {total.SlaEvents:N0} SLA events stored, {total.Refused:N0} refused{(force ? $", in {elapsed:mm\\:ss}" : $", ETA {eta:mm\\:ss}")}"));
        }
    }
}
