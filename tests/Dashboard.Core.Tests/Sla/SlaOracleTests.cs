using System.Globalization;
using System.Text;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using static Dashboard.Core.Tests.Sla.SlaFixtures;

namespace Dashboard.Core.Tests.Sla;

/// <summary>
/// Thousands of random cases played through the rules, their deadlines, warnings and breaches held against
/// <see cref="SlaReference"/>, which works them out again from the written rules without the engine's calendars.
/// </summary>
public sealed class SlaOracleTests
{
    private const int Seed = 20260415;
    private const int CaseCount = 12_000;
    private const int Shown = 5;

    /// <summary>Long after every deadline of a case opened in 2026–2027, so the sweep records every breach due.</summary>
    private static readonly DateTimeOffset Now = new(2029, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Openings run over local 2026-01-01 00:00 … 2027-12-31 in every zone below (Tijuana is UTC-8, Lima UTC-5).</summary>
    private static readonly DateTimeOffset FirstOpening = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastOpening = new(2028, 1, 1, 5, 0, 0, TimeSpan.Zero);

    /// <summary>Local times at the edges of the working day, where an off-by-one shows.</summary>
    private static readonly TimeSpan[] Edges =
    [
        TimeSpan.Zero, new(0, 0, 1), new(7, 59, 59), new(8, 0, 0), new(8, 0, 1), new(12, 0, 0),
        new(19, 59, 59), new(20, 0, 0), new(20, 0, 1), new(23, 59, 59),
    ];

    private static readonly Unit[] Imss =
    [
        new("UMF-CDMX-010", "UMF No. 10 Ciudad de México", UnitType.Umf, "IMSS-CDMX", Institution.Imss, "America/Mexico_City", 8),
        new("HGR-CDMX-001", "HGR No. 1 Ciudad de México", UnitType.Hgr, "IMSS-CDMX", Institution.Imss, "America/Mexico_City", 20),
        new("UMAE-CDMX-021", "UMAE Hospital de Especialidades CMN Siglo XXI", UnitType.Umae, "IMSS-CDMX", Institution.Imss, "America/Mexico_City", 40),
        new("UMF-BC-027", "UMF No. 27 Tijuana", UnitType.Umf, "IMSS-BC", Institution.Imss, "America/Tijuana", 5),
        new("HGR-BC-020", "HGR No. 20 Tijuana", UnitType.Hgr, "IMSS-BC", Institution.Imss, "America/Tijuana", 18),
        new("UMF-QR-014", "UMF No. 14 Cancún", UnitType.Umf, "IMSS-QR", Institution.Imss, "America/Cancun", 6),
        new("HGR-QR-017", "HGR No. 17 Cancún", UnitType.Hgr, "IMSS-QR", Institution.Imss, "America/Cancun", 16),
        new("UMAE-QR-001", "UMAE Cancún", UnitType.Umae, "IMSS-QR", Institution.Imss, "America/Cancun", 30),
    ];

    private static readonly Unit[] EsSalud =
    [
        new("POL-REB-004", "Policlínico Chincha", UnitType.Policlinico, "ESS-REB", Institution.EsSalud, "America/Lima", 6),
        new("HN-REB-001", "Hospital Nacional Edgardo Rebagliati Martins", UnitType.HospitalNacional, "ESS-REB", Institution.EsSalud, "America/Lima", 40),
        new("HN-ALM-001", "Hospital Nacional Guillermo Almenara Irigoyen", UnitType.HospitalNacional, "ESS-ALM", Institution.EsSalud, "America/Lima", 35),
        new("POL-ALM-002", "Policlínico Chosica", UnitType.Policlinico, "ESS-ALM", Institution.EsSalud, "America/Lima", 5),
    ];

    private static readonly CaseContext OracleContext = new(
        code => Imss.Concat(EsSalud).FirstOrDefault(u => u.Code == code),
        new SlaEngine(new SlaCalendars(), EscalationLadder.Default));

    [Fact]
    public void DeadlinesWarningsAndBreaches_OfRandomCases_AgreeExactlyWithTheReference()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        var failed = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < CaseCount; i++)
        {
            var sample = Generate(random, i);
            Tally(seen, sample);
            var differences = Compare(sample);
            if (differences.Count > 0 && ++failed <= Shown)
            {
                failures.Add(Describe(sample, differences));
            }
        }

        Assert.True(failed == 0, string.Create(CultureInfo.InvariantCulture,
            $"{failed} of {CaseCount} cases (seed {Seed}) disagree with the reference; the first {failures.Count}:\n\n{string.Join("\n\n", failures)}"));

        // The generator must have reached the corners the test is about, or passing means little.
        foreach (var (what, least) in new[]
        {
            ("business hours", 1500), ("24x7", 1500), ("business days", 400), ("paused", 3000), ("unassigned", 3000),
            ("opened on a holiday", 300), ("opened on a weekend", 2000), ("opened at night", 2000), ("opened at an edge", 800),
            ("America/Tijuana", 1000), ("no resolution target", 1000),
        })
        {
            Assert.True(seen.GetValueOrDefault(what) >= least, $"only {seen.GetValueOrDefault(what)} cases {what} (want {least})");
        }
    }

    /// <summary>
    /// The same cases with their events arriving late and out of order (a backlog after the sweep has run): clocks and
    /// breaches follow when things happened, so they agree with the reference exactly as in order.
    /// </summary>
    [Fact]
    public void DeadlinesAndBreaches_WhenEventsArriveLateInAnyOrder_AgreeExactlyWithTheReference()
    {
        var random = new Random(Seed);
        var arrivals = new Random(Seed + 1);
        var failures = new List<string>();
        var failed = 0;
        var withdrawnCases = 0;
        for (var i = 0; i < CaseCount; i++)
        {
            var sample = Generate(random, i);
            var events = Events(sample).ToArray();
            var (state, withdrawn) = LateArrivalTests.Arriving(events, arrivals, Now, OracleContext);
            withdrawnCases += withdrawn > 0 ? 1 : 0;
            var expected = sample.Expected;
            var actual = state.Sla;
            // The sweep ran between arrivals, so a first response given after its deadline was a breach when the deadline came.
            var expectedFirstBreach = sample.AssignedAt is not { } assigned || assigned > expected.FirstResponseDue ? expected.FirstResponseDue : (DateTimeOffset?)null;
            var differences = new List<string>();
            if (actual is null)
            {
                differences.Add("the engine set no SLA clocks");
            }
            else if ((expected.Policy, expected.FirstResponseDue, expected.FirstResponseWarn, expected.ResolutionDue, expected.ResolutionWarn, expectedFirstBreach, expected.ResolutionDue)
                != (actual.Policy, actual.FirstResponse?.DueAt, actual.FirstResponse?.WarnAt, actual.Resolution?.DueAt, actual.Resolution?.WarnAt,
                    actual.FirstResponse?.BreachedAt, actual.Resolution?.BreachedAt))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture,
                    $"expected {expected.Policy} first {expected.FirstResponseDue:O} (breach {expectedFirstBreach:O}) resolution {expected.ResolutionDue:O}; " +
                    $"after late arrivals {actual.Policy} first {actual.FirstResponse?.DueAt:O} (breach {actual.FirstResponse?.BreachedAt:O}) " +
                    $"resolution {actual.Resolution?.DueAt:O} (breach {actual.Resolution?.BreachedAt:O})"));
            }

            if (differences.Count > 0 && ++failed <= Shown)
            {
                failures.Add(Describe(sample, differences));
            }
        }

        Assert.True(failed == 0, string.Create(CultureInfo.InvariantCulture,
            $"{failed} of {CaseCount} cases (seed {Seed}) disagree with the reference after late arrivals; the first {failures.Count}:\n\n{string.Join("\n\n", failures)}"));
        // The corner this is about was reached: breaches recorded before a late event and withdrawn by it.
        Assert.True(withdrawnCases >= 500, $"only {withdrawnCases} cases had a breach withdrawn by a late event");
    }

    /// <summary>The reference itself, against deadlines worked out by hand with a wall calendar.</summary>
    [Theory]
    // Friday evening at a UMF: ½ h Friday, then Monday (first response 1 h, warning 45 min); 24 h = ½ + 12 Mon + 11½ Tue.
    [InlineData("UMF-CDMX-010", CaseKind.Complaint, "2026-11-27T19:30:00-06:00", null, null,
        "2026-11-30T08:30:00-06:00", "2026-11-30T08:15:00-06:00", "2026-12-01T19:30:00-06:00", "2026-12-01T13:30:00-06:00")]
    // Paused Friday 10:00 with 11 h left, resumed Tuesday after the Revolution Day Monday; the warning (Fri 15:00) was 5 h ahead.
    [InlineData("UMF-CDMX-010", CaseKind.Complaint, "2026-11-12T09:00:00-06:00", "2026-11-13T10:00:00-06:00", "2026-11-17T10:00:00-06:00",
        "2026-11-12T10:00:00-06:00", "2026-11-12T09:45:00-06:00", "2026-11-18T09:00:00-06:00", "2026-11-17T15:00:00-06:00")]
    // Tijuana springs forward on Sunday 8 March: Friday is -08:00, the next week -07:00.
    [InlineData("UMF-BC-027", CaseKind.Complaint, "2026-03-06T19:00:00-08:00", null, null,
        "2026-03-06T20:00:00-08:00", "2026-03-06T19:45:00-08:00", "2026-03-10T19:00:00-07:00", "2026-03-10T13:00:00-07:00")]
    // Holy Thursday and Good Friday close a policlínico: 1 h Wednesday, then Monday; 48 h = 1 + 12 + 12 + 12 + 11.
    [InlineData("POL-REB-004", CaseKind.Request, "2026-04-01T19:00:00-05:00", null, null,
        "2026-04-06T11:00:00-05:00", "2026-04-06T10:00:00-05:00", "2026-04-09T19:00:00-05:00", "2026-04-08T19:00:00-05:00")]
    // Reclamo: 30 business days from Wednesday 25 Nov (8, 9, 25 Dec and 1 Jan off) end Monday 11 Jan; 22½ days end at noon of the 23rd, 30 Dec.
    [InlineData("HN-REB-001", CaseKind.Complaint, "2026-11-24T10:00:00-05:00", null, null,
        "2026-11-24T14:00:00-05:00", "2026-11-24T13:00:00-05:00", "2027-01-11T23:59:59-05:00", "2026-12-30T12:00:00-05:00")]
    // Paused Monday 4 Jan noon (12 h + 4 days + 23:59:59 left), resumed Tuesday noon: one business day later; the warning had passed.
    [InlineData("HN-REB-001", CaseKind.Complaint, "2026-11-24T10:00:00-05:00", "2027-01-04T12:00:00-05:00", "2027-01-05T12:00:00-05:00",
        "2026-11-24T14:00:00-05:00", "2026-11-24T13:00:00-05:00", "2027-01-12T23:59:59-05:00", "2026-12-30T12:00:00-05:00")]
    // A compliment at a UMAE: 24 h of plain time through Christmas, nothing to resolve.
    [InlineData("UMAE-QR-001", CaseKind.Compliment, "2026-12-25T10:00:00-05:00", null, null,
        "2026-12-26T10:00:00-05:00", "2026-12-26T04:00:00-05:00", null, null)]
    public void Reference_AgreesWithDeadlinesWorkedOutByHand(string unitCode, CaseKind kind, string opened, string? paused, string? resumed,
        string firstResponseDue, string firstResponseWarn, string? resolutionDue, string? resolutionWarn)
    {
        var unit = Imss.Concat(EsSalud).Single(u => u.Code == unitCode);

        var expected = SlaReference.Expect(unit, kind, Priority.Medium, complex: false, Parse(opened)!.Value, Parse(paused), Parse(resumed));

        Assert.Equal(
            (Parse(firstResponseDue), Parse(firstResponseWarn), Parse(resolutionDue), Parse(resolutionWarn)),
            (expected.FirstResponseDue, expected.FirstResponseWarn, expected.ResolutionDue, expected.ResolutionWarn));
    }

    /// <summary>One random case and what happens to it before the sweep: maybe an assignment, maybe a pause and a resume.</summary>
    private sealed record Sample(
        int Index,
        Unit Unit,
        CaseKind Kind,
        Priority Priority,
        bool Complex,
        DateTimeOffset Opened,
        DateTimeOffset? AssignedAt,
        DateTimeOffset? PausedAt,
        DateTimeOffset? ResumedAt,
        SlaReference.Deadlines Expected)
    {
        public string CaseId => string.Create(CultureInfo.InvariantCulture, $"OR-{Index:D5}");

        public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(Unit.TimeZone);
    }

    private static Sample Generate(Random random, int index)
    {
        var units = random.Next(2) == 0 ? Imss : EsSalud;
        var unit = units[random.Next(units.Length)];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone);
        var kind = (CaseKind)random.Next(Enum.GetValues<CaseKind>().Length);
        var priority = random.Next(100) switch
        {
            < 25 => Priority.Low,
            < 60 => Priority.Medium,
            < 85 => Priority.High,
            _ => Priority.Critical,
        };
        var complex = random.Next(10) < 3;
        var opened = Opening(random, unit, zone);
        var plain = SlaReference.Expect(unit, kind, priority, complex, opened);

        // A third left unassigned; a third assigned; a third assigned, paused and resumed before the resolution is due.
        var plan = random.Next(3);
        if (plan == 0)
        {
            return new Sample(index, unit, kind, priority, complex, opened, null, null, null, plain);
        }

        var due = plain.ResolutionDue ?? opened.AddDays(2);
        var assigned = random.Next(2) == 0 ? opened : opened.AddSeconds(random.NextInt64((long)(due - opened).TotalSeconds / 4 + 1));
        var room = (long)(due - assigned).TotalSeconds;
        if (plan == 1 || plain.ResolutionDue is null || room < 3)
        {
            return new Sample(index, unit, kind, priority, complex, opened, assigned, null, null, plain);
        }

        var pauseAfter = random.NextInt64(1, room - 1);
        var paused = assigned.AddSeconds(pauseAfter);
        var resumed = assigned.AddSeconds(random.NextInt64(pauseAfter + 1, room));
        var (edgePaused, edgeResumed) = (MaybeAtAnEdge(random, paused, zone), MaybeAtAnEdge(random, resumed, zone));
        if (assigned < edgePaused && edgePaused < edgeResumed && edgeResumed < due)
        {
            (paused, resumed) = (edgePaused, edgeResumed);
        }

        return new Sample(index, unit, kind, priority, complex, opened, assigned, paused, resumed,
            SlaReference.Expect(unit, kind, priority, complex, opened, paused, resumed));
    }

    /// <summary>Mostly any second of the two years; some on a holiday of the unit's country, some at the edge of a working day.</summary>
    private static DateTimeOffset Opening(Random random, Unit unit, TimeZoneInfo zone)
    {
        switch (random.Next(10))
        {
            case 0:
                var holidays = SlaReference.Holidays(unit.Institution).Where(d => d.Year <= 2027).Order().ToArray();
                return Local(zone, holidays[random.Next(holidays.Length)], TimeSpan.FromSeconds(random.Next(86_400)));
            case 1 or 2:
                return Local(zone, new DateOnly(2026, 1, 1).AddDays(random.Next(730)), Edges[random.Next(Edges.Length)]);
            default:
                var seconds = (long)(LastOpening - FirstOpening).TotalSeconds;
                return FirstOpening.AddSeconds(random.NextInt64(seconds));
        }
    }

    /// <summary>One time in three, moves an instant to an edge of its local day.</summary>
    private static DateTimeOffset MaybeAtAnEdge(Random random, DateTimeOffset instant, TimeZoneInfo zone) =>
        random.Next(3) != 0 ? instant
            : Local(zone, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime), Edges[random.Next(Edges.Length)]);

    private static DateTimeOffset? Parse(string? text) => text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static DateTimeOffset Local(TimeZoneInfo zone, DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        // A time the clocks skip (02:xx on Tijuana's spring-forward Sunday) is read an hour later.
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone));
    }

    /// <summary>Plays the case through the rules, sweeps it long after, and lists every way the engine differs from the reference.</summary>
    private static List<string> Compare(Sample s)
    {
        var differences = new List<string>();
        var expected = s.Expected;
        CaseState? state = null;
        foreach (var e in Events(s))
        {
            var decision = CaseRules.Apply(state, e, OracleContext);
            if (!decision.IsAccepted)
            {
                differences.Add($"the rules refused {e.Type}: {decision.Rejection}");
                return differences;
            }

            state = decision.Next!;
        }

        if (state?.Sla is not { } sla)
        {
            differences.Add("the engine set no SLA clocks");
            return differences;
        }

        var zone = s.Zone;
        void Check<T>(string what, T expectedValue, T actualValue)
        {
            if (!EqualityComparer<T>.Default.Equals(expectedValue, actualValue))
            {
                differences.Add($"{what}: expected {Show(expectedValue, zone)}, engine {Show(actualValue, zone)}");
            }
        }

        Check("policy", expected.Policy, sla.Policy);
        Check("firstResponse.DueAt", expected.FirstResponseDue, sla.FirstResponse?.DueAt);
        Check("firstResponse.WarnAt", expected.FirstResponseWarn, sla.FirstResponse?.WarnAt);
        Check("resolution.DueAt", expected.ResolutionDue, sla.Resolution?.DueAt);
        Check("resolution.WarnAt", expected.ResolutionWarn, sla.Resolution?.WarnAt);

        var breaches = SlaSweep.DueEvents(state, Now, OracleContext)
            .Select(e => (e.OccurredAt, Data: e.Data as SlaBreachedData))
            .Where(x => x.Data is not null)
            .ToArray();
        foreach (var (occurredAt, data) in breaches.Where(b => b.OccurredAt != b.Data!.DueAt))
        {
            differences.Add($"{data!.Clock} breach recorded at {Show(occurredAt, zone)} for a deadline at {Show(data.DueAt, zone)}");
        }

        foreach (var clock in Enum.GetValues<SlaClockKind>())
        {
            var expectedBreach = clock == SlaClockKind.FirstResponse
                ? s.AssignedAt is null ? expected.FirstResponseDue : (DateTimeOffset?)null
                : expected.ResolutionDue;
            var recorded = breaches.Where(b => b.Data!.Clock == clock).Select(b => (DateTimeOffset?)b.OccurredAt).ToArray();
            if (recorded.Length > 1)
            {
                differences.Add($"{clock} breached {recorded.Length} times");
            }

            Check($"{clock} breach (sweep at {Now:yyyy-MM-dd})", expectedBreach, recorded.FirstOrDefault());
        }

        return differences;
    }

    private static IEnumerable<CaseEvent> Events(Sample s)
    {
        var agentAtOpening = s.AssignedAt == s.Opened ? "TAO-7" : null;
        yield return Opened(s.CaseId, s.Unit, s.Opened, s.Kind, s.Priority, s.Complex, agentAtOpening);
        if (s.AssignedAt is { } assigned && agentAtOpening is null)
        {
            yield return At(s.CaseId, assigned, new CaseAssignedData("TAO-7"));
        }

        if (s is { PausedAt: { } paused, ResumedAt: { } resumed })
        {
            yield return At(s.CaseId, paused, new CasePausedData(PauseReason.AwaitingInformation));
            yield return At(s.CaseId, resumed, new CaseResumedData());
        }
    }

    private static void Tally(Dictionary<string, int> seen, Sample s)
    {
        void Count(string what, bool when = true)
        {
            if (when)
            {
                seen[what] = seen.GetValueOrDefault(what) + 1;
            }
        }

        var local = TimeZoneInfo.ConvertTime(s.Opened, s.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var officeHours = s.Unit.Type is UnitType.Umf or UnitType.Policlinico && s.Priority != Priority.Critical;
        Count(s.Expected.Policy == "essalud-reclamo" ? "business days" : officeHours ? "business hours" : "24x7");
        Count("paused", s.PausedAt is not null);
        Count("unassigned", s.AssignedAt is null);
        Count("opened on a holiday", SlaReference.Holidays(s.Unit.Institution).Contains(day));
        Count("opened on a weekend", day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Count("opened at night", local.Hour is < 8 or >= 20);
        Count("opened at an edge", Edges.Contains(local.TimeOfDay));
        Count(s.Unit.TimeZone);
        Count("no resolution target", s.Expected.ResolutionDue is null);
    }

    private static string Describe(Sample s, List<string> differences)
    {
        var zone = s.Zone;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"case {s.CaseId} (#{s.Index}, seed {Seed}): {s.Unit.Institution} {s.Unit.Type} {s.Unit.Code} in {s.Unit.TimeZone}; {s.Kind}, {s.Priority}, complex {s.Complex}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  opened   {Show(s.Opened, zone)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  assigned {(s.AssignedAt is { } a ? Show(a, zone) + (a == s.Opened ? " (agent at opening)" : "") : "never")}");
        if (s is { PausedAt: { } paused, ResumedAt: { } resumed })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  paused   {Show(paused, zone)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  resumed  {Show(resumed, zone)}");
        }

        foreach (var difference in differences)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ✗ {difference}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>An instant in UTC and in the unit's local time, with the weekday, so a reader can count working hours.</summary>
    private static string Show<T>(T value, TimeZoneInfo zone) => value switch
    {
        null => "none",
        DateTimeOffset instant => string.Create(CultureInfo.InvariantCulture,
            $"{instant.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z ({TimeZoneInfo.ConvertTime(instant, zone):ddd yyyy-MM-dd HH:mm:ss zzz} local)"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
