using System.Data.Common;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;

namespace Dashboard.Data.Stores;

/// <summary>The cases table as columns: enums as their names, so the database reads as plainly as the API.</summary>
internal sealed class CaseRow
{
    public string CaseId { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Institution { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Category { get; set; } = "";
    public string Priority { get; set; } = "";
    public bool Complex { get; set; }
    public string Status { get; set; } = "";
    public bool IsOpen { get; set; }
    public int EscalationLevel { get; set; }
    public string? AgentId { get; set; }
    public string? InsuredId { get; set; }
    public string? PauseReason { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long LastSequence { get; set; }

    public string? SlaPolicy { get; set; }
    public string? SlaState { get; set; }
    public DateTimeOffset? FirstResponseDueAt { get; set; }
    public DateTimeOffset? FirstResponseWarnAt { get; set; }
    public DateTimeOffset? FirstResponseWarnedAt { get; set; }
    public DateTimeOffset? FirstResponseMetAt { get; set; }
    public DateTimeOffset? FirstResponseBreachedAt { get; set; }
    public DateTimeOffset? ResolutionDueAt { get; set; }
    public DateTimeOffset? ResolutionWarnAt { get; set; }
    public DateTimeOffset? ResolutionWarnedAt { get; set; }
    public DateTimeOffset? ResolutionMetAt { get; set; }
    public DateTimeOffset? ResolutionBreachedAt { get; set; }
    public DateTimeOffset? SlaPausedAt { get; set; }
    public DateTimeOffset? NextDeadlineAt { get; set; }
    public string? StaffRole { get; set; }
    public string? ModuleCode { get; set; }

    public DateTimeOffset? PreviousComplaintAt { get; set; }

    public string? ImpactReason { get; set; }

    public DateTimeOffset? ImpactFlaggedAt { get; set; }

    public string? PraisedAgentId { get; set; }

    public string? PraisedName { get; set; }

    /// <summary>Written with the case, never read back: the recognition wall's SQL groups free names by it.</summary>
    public string? PraisedNameKey { get; set; }

    public string? PraisedRole { get; set; }

    /// <summary>
    /// Runs a query whose columns carry this class's property names and reads its rows by hand: Dapper's general
    /// mapper boxes every value and passes each of a row's dozen instants through a type handler, and every append
    /// and every sweep reads thousands of these rows.
    /// </summary>
    public static async Task<List<CaseRow>> QueryAsync(DbConnection connection, CommandDefinition command)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var rows = new List<CaseRow>();
        if (!await reader.ReadAsync(command.CancellationToken))
        {
            return rows;
        }

        int O(string name) => reader.GetOrdinal(name);
        int caseId = O(nameof(CaseId)), unit = O(nameof(UnitCode)), region = O(nameof(RegionCode)), institution = O(nameof(Institution)),
            kind = O(nameof(Kind)), channel = O(nameof(Channel)), category = O(nameof(Category)), priority = O(nameof(Priority)),
            complex = O(nameof(Complex)), status = O(nameof(Status)), level = O(nameof(EscalationLevel)), agent = O(nameof(AgentId)),
            insured = O(nameof(InsuredId)), pause = O(nameof(PauseReason)), opened = O(nameof(OpenedAt)), resolved = O(nameof(ResolvedAt)),
            closed = O(nameof(ClosedAt)), updated = O(nameof(UpdatedAt)), sequence = O(nameof(LastSequence)), policy = O(nameof(SlaPolicy)),
            state = O(nameof(SlaState)), frDue = O(nameof(FirstResponseDueAt)), frWarn = O(nameof(FirstResponseWarnAt)),
            frWarned = O(nameof(FirstResponseWarnedAt)), frMet = O(nameof(FirstResponseMetAt)), frBreached = O(nameof(FirstResponseBreachedAt)),
            resDue = O(nameof(ResolutionDueAt)), resWarn = O(nameof(ResolutionWarnAt)), resWarned = O(nameof(ResolutionWarnedAt)),
            resMet = O(nameof(ResolutionMetAt)), resBreached = O(nameof(ResolutionBreachedAt)), paused = O(nameof(SlaPausedAt)),
            next = O(nameof(NextDeadlineAt)), staffRole = O(nameof(StaffRole)), module = O(nameof(ModuleCode)),
            previous = O(nameof(PreviousComplaintAt)), impactReason = O(nameof(ImpactReason)), impactAt = O(nameof(ImpactFlaggedAt)),
            praisedAgent = O(nameof(PraisedAgentId)), praisedName = O(nameof(PraisedName)), praisedRole = O(nameof(PraisedRole));
        do
        {
            rows.Add(new CaseRow
            {
                CaseId = reader.GetString(caseId),
                UnitCode = reader.GetString(unit),
                RegionCode = reader.GetString(region),
                Institution = reader.GetString(institution),
                Kind = reader.GetString(kind),
                Channel = reader.GetString(channel),
                Category = reader.GetString(category),
                Priority = reader.GetString(priority),
                Complex = reader.GetBoolean(complex),
                Status = reader.GetString(status),
                EscalationLevel = reader.GetInt32(level),
                AgentId = Text(reader, agent),
                InsuredId = Text(reader, insured),
                PauseReason = Text(reader, pause),
                OpenedAt = Instant(reader, opened)!.Value,
                ResolvedAt = Instant(reader, resolved),
                ClosedAt = Instant(reader, closed),
                UpdatedAt = Instant(reader, updated)!.Value,
                LastSequence = reader.GetInt64(sequence),
                SlaPolicy = Text(reader, policy),
                SlaState = Text(reader, state),
                FirstResponseDueAt = Instant(reader, frDue),
                FirstResponseWarnAt = Instant(reader, frWarn),
                FirstResponseWarnedAt = Instant(reader, frWarned),
                FirstResponseMetAt = Instant(reader, frMet),
                FirstResponseBreachedAt = Instant(reader, frBreached),
                ResolutionDueAt = Instant(reader, resDue),
                ResolutionWarnAt = Instant(reader, resWarn),
                ResolutionWarnedAt = Instant(reader, resWarned),
                ResolutionMetAt = Instant(reader, resMet),
                ResolutionBreachedAt = Instant(reader, resBreached),
                SlaPausedAt = Instant(reader, paused),
                NextDeadlineAt = Instant(reader, next),
                StaffRole = Text(reader, staffRole),
                ModuleCode = Text(reader, module),
                PreviousComplaintAt = Instant(reader, previous),
                ImpactReason = Text(reader, impactReason),
                ImpactFlaggedAt = Instant(reader, impactAt),
                PraisedAgentId = Text(reader, praisedAgent),
                PraisedName = Text(reader, praisedName),
                PraisedRole = Text(reader, praisedRole),
            });
        }
        while (await reader.ReadAsync(command.CancellationToken));

        return rows;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>SQL Server hands back datetime2; SQLite the stored text.</summary>
    private static DateTimeOffset? Instant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : reader.GetFieldType(ordinal) == typeof(DateTime) ? new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc))
        : StoredInstant.Parse(reader.GetString(ordinal));

    public static CaseRow From(CaseState c) => new()
    {
        CaseId = c.CaseId,
        UnitCode = c.UnitCode,
        RegionCode = c.RegionCode,
        Institution = c.Institution.ToString(),
        Kind = c.Kind.ToString(),
        Channel = c.Channel.ToString(),
        Category = c.Category,
        Priority = c.Priority.ToString(),
        Complex = c.Complex,
        Status = c.Status.ToString(),
        IsOpen = c.Status.IsOpen(),
        EscalationLevel = c.EscalationLevel,
        AgentId = c.AgentId,
        InsuredId = c.InsuredId,
        PauseReason = c.PauseReason?.ToString(),
        OpenedAt = c.OpenedAt,
        ResolvedAt = c.ResolvedAt,
        ClosedAt = c.ClosedAt,
        UpdatedAt = c.UpdatedAt,
        LastSequence = c.LastSequence,
        SlaPolicy = c.Sla?.Policy,
        SlaState = c.Sla?.State.ToString(),
        FirstResponseDueAt = c.Sla?.FirstResponse?.DueAt,
        FirstResponseWarnAt = c.Sla?.FirstResponse?.WarnAt,
        FirstResponseWarnedAt = c.Sla?.FirstResponse?.WarnedAt,
        FirstResponseMetAt = c.Sla?.FirstResponse?.MetAt,
        FirstResponseBreachedAt = c.Sla?.FirstResponse?.BreachedAt,
        ResolutionDueAt = c.Sla?.Resolution?.DueAt,
        ResolutionWarnAt = c.Sla?.Resolution?.WarnAt,
        ResolutionWarnedAt = c.Sla?.Resolution?.WarnedAt,
        ResolutionMetAt = c.Sla?.Resolution?.MetAt,
        ResolutionBreachedAt = c.Sla?.Resolution?.BreachedAt,
        SlaPausedAt = c.Sla?.PausedAt,
        NextDeadlineAt = c.Sla?.NextDeadlineAt,
        StaffRole = c.StaffRole,
        ModuleCode = c.ModuleCode,
        PreviousComplaintAt = c.PreviousComplaintAt,
        ImpactReason = c.ImpactReason,
        ImpactFlaggedAt = c.ImpactFlaggedAt,
        PraisedAgentId = c.PraisedStaff?.AgentId,
        PraisedName = c.PraisedStaff?.Name,
        PraisedNameKey = c.PraisedStaff?.NameKey,
        PraisedRole = c.PraisedStaff?.Role,
    };

    public CaseState ToState() => new()
    {
        CaseId = CaseId,
        UnitCode = UnitCode,
        RegionCode = RegionCode,
        Institution = new Institution(Institution),
        Kind = Enum.Parse<CaseKind>(Kind),
        Channel = Enum.Parse<Channel>(Channel),
        Category = Category,
        Priority = Enum.Parse<Priority>(Priority),
        Complex = Complex,
        Status = Enum.Parse<CaseStatus>(Status),
        EscalationLevel = EscalationLevel,
        AgentId = AgentId,
        InsuredId = InsuredId,
        PauseReason = PauseReason is null ? null : Enum.Parse<PauseReason>(PauseReason),
        OpenedAt = OpenedAt,
        ResolvedAt = ResolvedAt,
        ClosedAt = ClosedAt,
        UpdatedAt = UpdatedAt,
        LastSequence = LastSequence,
        StaffRole = StaffRole,
        ModuleCode = ModuleCode,
        PreviousComplaintAt = PreviousComplaintAt,
        ImpactReason = ImpactReason,
        ImpactFlaggedAt = ImpactFlaggedAt,
        PraisedStaff = PraisedAgentId is not null || PraisedName is not null ? new PraisedStaff(PraisedAgentId, PraisedName, PraisedRole) : null,
        Sla = SlaPolicy is null ? null : new CaseSla(
            SlaPolicy,
            FirstResponseDueAt is { } frDue ? new SlaClock(frDue, FirstResponseWarnAt, FirstResponseWarnedAt, FirstResponseMetAt, FirstResponseBreachedAt) : null,
            ResolutionDueAt is { } resDue ? new SlaClock(resDue, ResolutionWarnAt, ResolutionWarnedAt, ResolutionMetAt, ResolutionBreachedAt) : null,
            SlaPausedAt,
            Enum.Parse<SlaState>(SlaState!),
            NextDeadlineAt),
    };
}
