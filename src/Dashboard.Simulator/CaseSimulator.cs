using System.Globalization;
using System.Text.Json.Nodes;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;

namespace Dashboard.Simulator;

/// <summary>
/// A believable stream of case events: cases open across units in proportion to their size, most simple and
/// some complex, and live their lives (assigned, paused and resumed, noted, resolved, closed, now and then
/// reopened) on a compressed clock. It builds typed events and writes them in the contract's wire form
/// (<see cref="CaseEventContract.ToJson"/>); a sink delivers them.
/// </summary>
public sealed class CaseSimulator
{
    private readonly SimulatorOptions _options;
    private readonly Random _random;
    private readonly Weighted<Unit> _units;
    private readonly Dictionary<string, Agent[]> _agentsByUnit;
    private readonly Dictionary<string, Module[]> _modulesByUnit;
    private readonly PriorityQueue<SimulatedCase, DateTimeOffset> _due = new();
    private readonly string _runId;
    private DateTimeOffset? _lastTick;
    private double _arrivalCarry;
    private long _caseCounter;

    public CaseSimulator(CatalogueSnapshot catalogue, SimulatorOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = options.Seed == 0 ? new Random() : new Random(options.Seed);
        _units = new Weighted<Unit>(catalogue.Units.Select(u => (u, (double)u.Size)));
        _agentsByUnit = catalogue.Agents.GroupBy(a => a.UnitCode).ToDictionary(g => g.Key, g => g.ToArray());
        _modulesByUnit = catalogue.Modules.GroupBy(m => m.UnitCode).ToDictionary(g => g.Key, g => g.ToArray());
        // Case numbers stay unique across restarts of the same database: the run id is the start time.
        _runId = start.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);
    }

    /// <summary>Cases the simulator is still moving along.</summary>
    public int ActiveCases => _due.Count;

    /// <summary>Everything that became due since the last tick, in time order.</summary>
    public IReadOnlyList<JsonObject> Tick(DateTimeOffset now)
    {
        var events = new List<JsonObject>();
        var elapsed = _lastTick is { } last ? (now - last).TotalMinutes : 0;
        _lastTick = now;

        _arrivalCarry += Math.Max(0, elapsed) * _options.CasesPerMinute;
        for (; _arrivalCarry >= 1; _arrivalCarry--)
        {
            events.Add(Open(now));
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

    private JsonObject Open(DateTimeOffset now)
    {
        var unit = _units.Pick(_random);
        var kind = Kinds.Pick(_random);
        var priority = Priorities.Pick(_random);
        var complex = kind is CaseKind.Complaint or CaseKind.Request
            && _random.NextDouble() < _options.ComplexShare * (priority == Priority.Critical ? 3 : 1) / (Kinds.Share(CaseKind.Complaint) + Kinds.Share(CaseKind.Request));
        var channel = Channels.Pick(_random);
        var category = Categories.Pick(_random);
        var modules = _modulesByUnit.GetValueOrDefault(unit.Code);
        var agents = _agentsByUnit.GetValueOrDefault(unit.Code);
        var atModule = channel == Channel.Module && modules is { Length: > 0 };
        var agent = atModule && agents is { Length: > 0 } && _random.NextDouble() < 0.6 ? agents[_random.Next(agents.Length)] : null;

        var c = new SimulatedCase($"SIM-{_runId}-{++_caseCounter:D6}", unit, complex, agent is null ? Stage.New : Stage.Assigned);
        var summary = category.Summaries[_random.Next(category.Summaries.Length)];
        var staffRole = StaffRoles[_random.Next(StaffRoles.Length)];
        var insuredId = _random.NextDouble() < 0.7 ? SyntheticInsuredId(unit.Institution) : null;
        var moduleCode = atModule ? agent is null ? modules![_random.Next(modules.Length)].Code : agent.ModuleCode : null;
        Schedule(c, now, c.Stage == Stage.New ? Minutes(2, 45) : WorkDuration(c));
        return Event(c.CaseId, now, new CaseOpenedData(unit.Code, kind, channel, category.Code, priority, complex, summary, insuredId, moduleCode, agent?.Id, staffRole));
    }

    private JsonObject? Advance(SimulatedCase c, DateTimeOffset now)
    {
        switch (c.Stage)
        {
            case Stage.New:
                c.Stage = Stage.Assigned;
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

    /// <summary>Simple cases take hours, complex ones days (in simulated time).</summary>
    private TimeSpan WorkDuration(SimulatedCase c) => c.Complex ? Minutes(60 * 8, 60 * 24 * 4) : Minutes(15, 60 * 8);

    private TimeSpan Minutes(double min, double max) => TimeSpan.FromMinutes(min + _random.NextDouble() * (max - min));

    private void Schedule(SimulatedCase c, DateTimeOffset now, TimeSpan simulated) =>
        _due.Enqueue(c, now + simulated / Math.Max(_options.TimeScale, 0.001));

    private string SyntheticInsuredId(Institution institution)
    {
        // Random digits of the institution's length: no real person's identifier.
        var length = institution == Institution.EsSalud ? 8 : 11;
        return string.Create(length, _random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + r.Next(10));
            }
        });
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

    private sealed class SimulatedCase(string caseId, Unit unit, bool complex, Stage stage)
    {
        public string CaseId { get; } = caseId;
        public Unit Unit { get; } = unit;
        public bool Complex { get; } = complex;
        public Stage Stage { get; set; } = stage;
        public bool WasPaused { get; set; }
        public bool WasReopened { get; set; }
        public int Notes { get; set; }
    }

    private sealed record Category(string Code, double Weight, string[] Summaries);

    private static readonly WeightedEnum<CaseKind> Kinds = new((CaseKind.Complaint, 45), (CaseKind.Request, 20), (CaseKind.Orientation, 25), (CaseKind.Suggestion, 5), (CaseKind.Compliment, 5));

    private static readonly WeightedEnum<Priority> Priorities = new((Priority.Low, 30), (Priority.Medium, 45), (Priority.High, 20), (Priority.Critical, 5));

    private static readonly WeightedEnum<Channel> Channels = new(
        (Channel.Module, 55), (Channel.CallCenter, 20), (Channel.Web, 8), (Channel.Mailbox, 5), (Channel.Survey, 3),
        (Channel.Brigade, 2), (Channel.SocialMedia, 4), (Channel.Telemedicine, 3));

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

    private static readonly string[] StaffRoles = ["medical-assistant", "pharmacy", "nursing", "physician", "security", "administrative", "social-work"];

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
