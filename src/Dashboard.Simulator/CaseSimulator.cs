using System.Globalization;
using System.Text.Json.Nodes;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;

namespace Dashboard.Simulator;

/// <summary>
/// A believable stream of case events: cases open across units in proportion to their size, more on weekday mornings
/// than at night or on Sundays, most simple and some complex, and live their lives (assigned, paused and resumed, noted,
/// resolved, closed, now and then reopened) in real time by default (<see cref="SimulatorOptions.TimeScale"/>), since
/// the deadlines they are measured against run in real time. Técnicas usually answer within the hour, sometimes late;
/// a few units (<see cref="IsSlowUnit"/>) are clearly slower than the rest. Complaints left in a unit's mailbox (buzón)
/// are registered when the mailboxes are opened (09:00 and 15:00 in Mexico City, and when a run starts), with the time
/// they were deposited: their clocks started then, as the rules say. It builds typed events and writes them in the
/// contract's wire form (<see cref="CaseEventContract.ToJson"/>); a sink delivers them.
/// </summary>
public sealed class CaseSimulator
{
    private readonly SimulatorOptions _options;
    private readonly Random _random;

    /// <summary>Whom compliments praise, drawn apart so a seed's cases, times and outcomes stay what they were.</summary>
    private readonly Random _praise;
    private readonly Weighted<Unit> _units;
    private readonly Dictionary<string, Agent[]> _agentsByUnit;
    private readonly Dictionary<string, Module[]> _modulesByUnit;
    private readonly PriorityQueue<SimulatedCase, DateTimeOffset> _due = new();
    private readonly string _runId;
    private readonly List<(SimulatedCase Case, DateTimeOffset DepositedAt, CaseOpenedData Data)> _mailbox = [];
    private DateTimeOffset? _lastTick;
    private DateTimeOffset _nextMailboxOpening = DateTimeOffset.MinValue;
    private double _arrivalCarry;
    private long _caseCounter;

    public CaseSimulator(CatalogueSnapshot catalogue, SimulatorOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = options.Seed == 0 ? new Random() : new Random(options.Seed);
        _praise = options.Seed == 0 ? new Random() : new Random(unchecked(options.Seed * 7919 + 1));
        _units = new Weighted<Unit>(catalogue.Units.Select(u => (u, (double)u.Size)));
        _agentsByUnit = catalogue.Agents.GroupBy(a => a.UnitCode).ToDictionary(g => g.Key, g => g.ToArray());
        _modulesByUnit = catalogue.Modules.GroupBy(m => m.UnitCode).ToDictionary(g => g.Key, g => g.ToArray());
        // Case numbers stay unique across restarts of the same database: the run id is the start time.
        _runId = start.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);
    }

    /// <summary>Cases the simulator is still moving along.</summary>
    public int ActiveCases => _due.Count;

    /// <summary>Complaints waiting in the units' mailboxes for the next opening.</summary>
    public int InMailboxes => _mailbox.Count;

    /// <summary>
    /// Units whose técnicas answer late and resolve slowly (about one in twenty, fixed by the unit's code so every run
    /// and the history agree): the board exists to show them.
    /// </summary>
    public static bool IsSlowUnit(string unitCode)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        var hash = 17u;
        foreach (var c in unitCode)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash % 20 == 7;
    }

    /// <summary>The mailboxes are opened at the next tick (a run that starts: its técnicas begin by opening them).</summary>
    public void OpenMailboxesAtNextTick() => _nextMailboxOpening = DateTimeOffset.MinValue;

    /// <summary>Nobody opens the mailboxes before <paramref name="until"/> (a history that hands its last day's deposits to the live run).</summary>
    public void HoldMailboxesUntil(DateTimeOffset until) => _nextMailboxOpening = until;

    /// <summary>Everything that became due since the last tick, in time order.</summary>
    public IReadOnlyList<JsonObject> Tick(DateTimeOffset now)
    {
        var events = new List<JsonObject>();
        var elapsed = _lastTick is { } last ? (now - last).TotalMinutes : 0;
        if (_lastTick is null)
        {
            // A run that starts finds a day's deposits in the mailboxes.
            for (var at = now - _options.MailboxBacklog; at < now; at += TimeSpan.FromMinutes(1))
            {
                Arrive(at, ArrivalsPerMinute(at) * ChannelShare(Channel.Mailbox), events, mailboxOnly: true);
            }
        }

        _lastTick = now;
        Arrive(now, Math.Max(0, elapsed) * ArrivalsPerMinute(now), events, mailboxOnly: false);

        if (now >= _nextMailboxOpening)
        {
            OpenMailboxes(now, events);
            _nextMailboxOpening = NextMailboxOpening(now);
        }

        while (_due.TryPeek(out _, out var at) && at <= now)
        {
            var c = _due.Dequeue();
            if (Advance(c, now) is { } e)
            {
                events.Add(e);
            }
        }

        return events;
    }

    private double _mailboxCarry;

    private void Arrive(DateTimeOffset now, double cases, List<JsonObject> events, bool mailboxOnly)
    {
        if (mailboxOnly)
        {
            _mailboxCarry += cases;
            for (; _mailboxCarry >= 1; _mailboxCarry--)
            {
                Open(now, Channel.Mailbox);
            }

            return;
        }

        _arrivalCarry += cases;
        for (; _arrivalCarry >= 1; _arrivalCarry--)
        {
            if (Open(now, Channels.Pick(_random)) is { } opened)
            {
                events.Add(opened);
            }
        }
    }

    /// <summary>New cases a minute at this instant: the configured average shaped by the hour and the weekday in Mexico City.</summary>
    private double ArrivalsPerMinute(DateTimeOffset now) => _options.CasesPerMinute * ArrivalShape(now);

    /// <summary>How busy this instant is against the week's average (1): weekday mornings about 2.6, Sunday nights about 0.1.</summary>
    public static double ArrivalShape(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, MexicoCity);
        return HourShape[local.Hour] * WeekdayShape[(int)local.DayOfWeek] / ShapeMean;
    }

    /// <summary>The share of new cases that come through a channel (mailbox cases wait for the next opening).</summary>
    public static double ChannelShare(Channel channel) => Channels.Share(channel);

    private void OpenMailboxes(DateTimeOffset now, List<JsonObject> events)
    {
        foreach (var (c, depositedAt, data) in _mailbox.OrderBy(m => m.DepositedAt))
        {
            events.Add(Event(c.CaseId, depositedAt, data));
            Schedule(c, now, FirstResponseDelay(c));
        }

        _mailbox.Clear();
    }

    private static DateTimeOffset NextMailboxOpening(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, MexicoCity);
        var day = local.Date;
        foreach (var candidate in new[] { day.AddHours(9), day.AddHours(15), day.AddDays(1).AddHours(9) })
        {
            var at = new DateTimeOffset(candidate, MexicoCity.GetUtcOffset(candidate));
            if (at > now)
            {
                return at;
            }
        }

        return now.AddHours(6);
    }

    private JsonObject? Open(DateTimeOffset now, Channel channel)
    {
        var unit = _units.Pick(_random);
        var kind = Kinds.Pick(_random);
        var priority = Priorities.Pick(_random);
        var complex = kind is CaseKind.Complaint or CaseKind.Request
            && _random.NextDouble() < _options.ComplexShare * (priority == Priority.Critical ? 3 : 1) / (Kinds.Share(CaseKind.Complaint) + Kinds.Share(CaseKind.Request));
        var category = Categories.Pick(_random);
        var modules = _modulesByUnit.GetValueOrDefault(unit.Code);
        var agents = _agentsByUnit.GetValueOrDefault(unit.Code);
        var atModule = channel == Channel.Module && modules is { Length: > 0 };
        var agent = atModule && agents is { Length: > 0 } && _random.NextDouble() < 0.6 ? agents[_random.Next(agents.Length)] : null;

        var c = new SimulatedCase($"SIM-{_runId}-{++_caseCounter:D6}", unit, complex, priority, agent is null ? Stage.New : Stage.Assigned);
        var summary = category.Summaries[_random.Next(category.Summaries.Length)];
        var staffRole = StaffRoleFor(kind, category.Code);
        var insuredId = _random.NextDouble() < 0.7 ? SyntheticInsuredId(unit.Institution) : null;
        var moduleCode = atModule ? agent is null ? modules![_random.Next(modules.Length)].Code : agent.ModuleCode : null;
        var praised = kind == CaseKind.Compliment ? PraisedFor(unit, agents) : null;
        var data = new CaseOpenedData(unit.Code, kind, channel, category.Code, priority, complex, summary, insuredId, moduleCode, agent?.Id, staffRole, praised);
        if (channel == Channel.Mailbox)
        {
            // Registered when the mailbox is opened, with the time it was deposited.
            _mailbox.Add((c, now, data));
            return null;
        }

        Schedule(c, now, c.Stage == Stage.New ? FirstResponseDelay(c) : WorkDuration(c));
        return Event(c.CaseId, now, data);
    }

    /// <summary>
    /// How long until a técnica takes the case: usually within the hour, a Critical case within minutes; one in
    /// eighteen waits hours (a busy shift, a case left in the queue), nearly half at the slow units — so the board's red
    /// is where the trouble is, not everywhere.
    /// </summary>
    private TimeSpan FirstResponseDelay(SimulatedCase c)
    {
        var slow = IsSlowUnit(c.Unit.Code);
        var late = _random.NextDouble() < (slow ? 0.45 : 0.055);
        var delay = c.Priority == Priority.Critical
            ? late ? Minutes(16, 90) : Minutes(1, 11)
            : late ? Minutes(90, 60 * 8) : Minutes(3, 50);
        return slow ? delay * 1.5 : delay;
    }

    private JsonObject? Advance(SimulatedCase c, DateTimeOffset now)
    {
        switch (c.Stage)
        {
            case Stage.New:
                c.Stage = Stage.Assigned;
                // First response is measured from opening: a case taken late is still resolved in its usual time.
                Schedule(c, now, WorkDuration(c));
                return Event(c.CaseId, now, new CaseAssignedData(PickAgent(c.Unit)));

            case Stage.Assigned when !c.WasPaused && _random.NextDouble() < 0.15:
                c.Stage = Stage.Paused;
                c.WasPaused = true;
                Schedule(c, now, Minutes(30, 60 * 24));
                return Event(c.CaseId, now, new CasePausedData(PauseReasons[_random.Next(PauseReasons.Length)]));

            case Stage.Assigned when c.Notes < 2 && _random.NextDouble() < 0.25:
                c.Notes++;
                Schedule(c, now, WorkDuration(c) / 2);
                return Event(c.CaseId, now, new NoteAddedData(Notes[_random.Next(Notes.Length)]));

            case Stage.Assigned:
                c.Stage = Stage.Resolved;
                Schedule(c, now, Minutes(10, 60 * 24));
                return Event(c.CaseId, now, new CaseResolvedData(Resolutions[_random.Next(Resolutions.Length)],
                    "Se atendió la solicitud del derechohabiente y se le informó el resultado."));

            case Stage.Paused:
                c.Stage = Stage.Assigned;
                Schedule(c, now, WorkDuration(c) / 2);
                return Event(c.CaseId, now, new CaseResumedData());

            case Stage.Resolved when !c.WasReopened && _random.NextDouble() < 0.04:
                c.Stage = Stage.Assigned;
                c.WasReopened = true;
                Schedule(c, now, WorkDuration(c) / 2);
                return Event(c.CaseId, now, new CaseReopenedData("El derechohabiente reporta que el problema persiste."));

            case Stage.Resolved:
                // Closed cases leave the simulator: nothing more happens to them.
                return Event(c.CaseId, now, new CaseClosedData(_random.NextDouble() < 0.6 ? 1 + _random.Next(5) : null));

            default:
                return null;
        }
    }

    private string PickAgent(Unit unit) =>
        _agentsByUnit.GetValueOrDefault(unit.Code) is { Length: > 0 } agents
            ? agents[_random.Next(agents.Length)].Id
            : $"{unit.Code}-AGT";

    /// <summary>Simple cases take hours, complex ones days; the slow units take twice as long.</summary>
    private TimeSpan WorkDuration(SimulatedCase c) =>
        (c.Complex ? Minutes(60 * 8, 60 * 24 * 3) : Minutes(15, 60 * 8)) * (IsSlowUnit(c.Unit.Code) ? 2 : 1);

    private TimeSpan Minutes(double min, double max) => TimeSpan.FromMinutes(min + _random.NextDouble() * (max - min));

    private void Schedule(SimulatedCase c, DateTimeOffset now, TimeSpan simulated) =>
        _due.Enqueue(c, now + simulated / Math.Max(_options.TimeScale, 0.001));

    private string SyntheticInsuredId(Institution institution)
    {
        // Random digits of the institution's length (an NSS ends in its check digit): no real person's identifier.
        var length = InsuredIdFormat.Length(institution);
        var id = string.Create(length, _random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + r.Next(10));
            }
        });
        return institution == Institution.Imss ? id[..10] + (char)('0' + InsuredIdFormat.LuhnCheckDigit(id.AsSpan(0, 10))) : id;
    }

    /// <summary>A typed event in the contract's wire form: the simulator never spells a field name itself.</summary>
    private static JsonObject Event(string caseId, DateTimeOffset at, CaseEventData data) =>
        CaseEventContract.ToJson(new CaseEvent(Guid.CreateVersion7(at), caseId, at, data));

    private enum Stage
    {
        New,
        Assigned,
        Paused,
        Resolved,
    }

    private sealed class SimulatedCase(string caseId, Unit unit, bool complex, Priority priority, Stage stage)
    {
        public string CaseId { get; } = caseId;
        public Unit Unit { get; } = unit;
        public bool Complex { get; } = complex;
        public Priority Priority { get; } = priority;
        public Stage Stage { get; set; } = stage;
        public bool WasPaused { get; set; }
        public bool WasReopened { get; set; }
        public int Notes { get; set; }
    }

    private sealed record Category(string Code, double Weight, string[] Summaries);

    private static readonly WeightedEnum<CaseKind> Kinds = new((CaseKind.Complaint, 45), (CaseKind.Request, 20), (CaseKind.Orientation, 25), (CaseKind.Suggestion, 5), (CaseKind.Compliment, 5));

    private static readonly WeightedEnum<Priority> Priorities = new((Priority.Low, 30), (Priority.Medium, 45), (Priority.High, 20), (Priority.Critical, 5));

    private static readonly WeightedEnum<Channel> Channels = new(
        (Channel.Module, 52), (Channel.CallCenter, 20), (Channel.Web, 8), (Channel.Mailbox, 8), (Channel.Survey, 3),
        (Channel.Brigade, 2), (Channel.SocialMedia, 4), (Channel.Telemedicine, 3));

    private static readonly TimeZoneInfo MexicoCity = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");

    // Attention modules open in the morning: most cases come 08:00–14:00, few at night; Monday is the busiest day, Sunday the quietest.
    private static readonly double[] HourShape = [0.25, 0.25, 0.25, 0.25, 0.25, 0.3, 0.4, 0.7, 1.8, 2.1, 2.1, 2.0, 1.9, 1.8, 1.5, 1.5, 1.4, 1.3, 1.0, 0.8, 0.6, 0.5, 0.4, 0.3];

    private static readonly double[] WeekdayShape = [0.35, 1.2, 1.1, 1.05, 1.05, 0.95, 0.5];

    private static readonly double ShapeMean = HourShape.Average() * WeekdayShape.Average();

    // Shares from the seeds' experience: waiting time, mistreatment and medicine supply lead the complaints.
    private static readonly Weighted<Category> Categories = new(new Category[]
    {
        new("waiting-time", 20, ["Espera de más de tres horas para recibir consulta en urgencias.", "La cita se otorgó con más de dos horas de retraso."]),
        new("mistreatment", 18, ["El derechohabiente refiere trato descortés en ventanilla.", "Reporta que el personal le habló de manera grosera durante la consulta."]),
        new("medicine-supply", 15, ["No se surtió la receta completa en farmacia.", "Medicamento para control de diabetes sin existencia desde hace dos semanas."]),
        new("appointment-deferral", 12, ["La cirugía programada se difirió por tercera ocasión.", "Se reprogramó la cita de especialidad sin aviso previo."]),
        new("information", 10, ["Solicita información sobre el trámite de incapacidad.", "No recibió explicación clara sobre su diagnóstico."]),
        new("quality", 7, ["Considera que la atención médica recibida fue insuficiente.", "Refiere que no se le realizó la exploración física."]),
        new("safety", 4, ["Reporta una caída en el área de hospitalización.", "Señala error en la identificación del paciente."]),
        new("environment", 4, ["Sanitarios del área de espera sin limpieza ni insumos.", "El aire acondicionado de la sala de espera no funciona."]),
        new("institutional-process", 4, ["Le solicitaron documentos que no corresponden al trámite.", "El trámite de vigencia de derechos tarda demasiado."]),
        new("communication", 3, ["El médico no explicó el tratamiento indicado.", "No se informó a la familia sobre el estado del paciente."]),
        new("respect-rights", 2, ["No se respetó la privacidad durante la exploración.", "Se le negó la segunda opinión médica solicitada."]),
        new("listening", 1, ["Refiere que no se atendieron sus comentarios anteriores.", "Sus quejas previas no recibieron respuesta."]),
    }.Select(c => (c, c.Weight)));

    // Who a case is about. Mistreatment falls mostly on medical assistants (ventanilla, citas) and pharmacy, as the
    // central committee found; supply on pharmacy; the rest spread over the services.
    private static readonly Weighted<string> MistreatmentRoles = new([
        ("medical-assistant", 34), ("pharmacy", 22), ("nursing", 14), ("physician", 12), ("security", 9), ("administrative", 6), ("social-work", 2), ("laboratory", 1)]);

    private static readonly Weighted<string> SupplyRoles = new([("pharmacy", 85), ("administrative", 8), ("physician", 7)]);

    private static readonly Weighted<string> OtherRoles = new([
        ("physician", 24), ("medical-assistant", 20), ("nursing", 16), ("administrative", 14), ("pharmacy", 10), ("laboratory", 6), ("social-work", 5), ("security", 5)]);

    /// <summary>
    /// The staff role a new case is about: nearly every complaint names one (one in eight does not), about half the
    /// compliments (who was praised), few requests.
    /// </summary>
    /// <summary>
    /// A compliment names a técnica of the unit most of the time (the attention module is where people are thanked),
    /// sometimes a doctor, nurse or pharmacist by name, and now and then nobody (a mailbox note of thanks to "everyone").
    /// A few people per unit are praised again and again, as in life.
    /// </summary>
    private PraisedStaff? PraisedFor(Unit unit, Agent[]? agents)
    {
        var draw = _praise.NextDouble();
        if (draw < 0.6 && agents is { Length: > 0 })
        {
            // The first técnicas of the unit are its best known: a skewed pick.
            var index = (int)(agents.Length * Math.Pow(_praise.NextDouble(), 2.5));
            return new PraisedStaff(AgentId: agents[Math.Min(index, agents.Length - 1)].Id);
        }

        if (draw < 0.85)
        {
            var staff = unit.Institution == Institution.EsSalud ? PeruvianStaff : MexicanStaff;
            var (name, role) = staff[(int)(staff.Length * Math.Pow(_praise.NextDouble(), 1.8))];
            return new PraisedStaff(Name: name, Role: role);
        }

        return null;
    }

    private static readonly (string Name, string Role)[] MexicanStaff =
    [
        ("Dra. Patricia Hernández Ruiz", "physician"), ("Rosa María Castillo Peña", "nursing"), ("Juan Carlos Pérez Ortega", "pharmacy"),
        ("Lucía Vargas Medina", "medical-assistant"), ("Dr. Alejandro Torres Silva", "physician"), ("Guadalupe Ramírez Luna", "social-work"),
        ("Enrique Salas Montoya", "security"), ("Martha Elena Ríos", "laboratory"),
    ];

    private static readonly (string Name, string Role)[] PeruvianStaff =
    [
        ("Dra. Carmen Quispe Huamán", "physician"), ("Rosa Mamani Flores", "nursing"), ("Jorge Luis Chávez Rojas", "pharmacy"),
        ("Milagros Torres Paredes", "medical-assistant"), ("Dr. Víctor Ramos Salazar", "physician"), ("Ana Lucía Vega Cárdenas", "social-work"),
        ("Pedro Huaman Condori", "security"), ("Elena Gutiérrez Soto", "laboratory"),
    ];

    private string? StaffRoleFor(CaseKind kind, string category)
    {
        var named = kind switch { CaseKind.Complaint => 0.88, CaseKind.Compliment => 0.5, _ => 0.15 };
        if (_random.NextDouble() >= named)
        {
            return null;
        }

        var roles = kind != CaseKind.Complaint ? OtherRoles
            : category == ClassificationCatalogue.Mistreatment ? MistreatmentRoles
            : category == "medicine-supply" ? SupplyRoles
            : OtherRoles;
        return roles.Pick(_random);
    }

    private static readonly PauseReason[] PauseReasons = [PauseReason.AwaitingInsured, PauseReason.AwaitingInformation, PauseReason.ThirdParty];

    private static readonly string[] Resolutions = ["attended", "explained", "referred", "corrected", "not-applicable"];

    private static readonly string[] Notes =
    [
        "Se solicitó informe al jefe de servicio.",
        "Se contactó al derechohabiente por teléfono.",
        "Se canalizó al área de farmacia para seguimiento.",
        "Se agendó reunión con la dirección de la unidad.",
    ];

    /// <summary>A weighted choice among enum values that also knows each value's share.</summary>
    private sealed class WeightedEnum<T>(params (T Value, double Weight)[] items)
        where T : struct, Enum
    {
        private readonly Weighted<T> _weighted = new(items);
        private readonly double _total = items.Sum(i => i.Weight);

        public T Pick(Random random) => _weighted.Pick(random);

        public double Share(T value) => items.First(i => EqualityComparer<T>.Default.Equals(i.Value, value)).Weight / _total;
    }
}
