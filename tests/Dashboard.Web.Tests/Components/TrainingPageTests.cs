using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Reads;
using Dashboard.Core.Staff;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Staff;
using Dashboard.Web.Tests.Indicators;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

public sealed class TrainingPageTests : PageTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly Unit[] Jalisco = [.. TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL").OrderBy(u => u.Name, StringComparer.CurrentCulture)];

    private static readonly Unit Lima = TableroFactory.Catalogue.Units.First(u => u.Institution == Institution.EsSalud);

    private readonly InMemoryStaff _store = new();
    private readonly RoleSeries _roles = new();

    public TrainingPageTests()
    {
        Services.AddSingleton<IStaffStore>(_store);
        Services.AddCaseReaders(_roles);
        Services.AddSingleton(TestCatalogue.Create());
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddSingleton<StaffTrainingService>();
    }

    private static StaffRecord Person(Unit unit, string number, string name, DateOnly? expires, params int[] sessions) =>
        new(new StaffMember(unit.Code, number, name, "medical-assistant"), expires is { } e ? new StaffCertification(e.AddYears(-2), e) : null, sessions);

    [Fact]
    public void Render_RegionDirector_CoverageWithAnUncertifiedPersonAMissingUnitAndTheDueList_NeverAnotherRegion()
    {
        SignInAs(Role.Director, ReadScope.ForRegion("IMSS-JAL"));
        _store.Records.AddRange(
        [
            Person(Jalisco[0], "1001", "Ana Lucía Ramírez Soto", Today.AddYears(1), 1, 2, 3, 4),
            Person(Jalisco[0], "1002", "Carmen López Flores", Today.AddDays(20), 1, 2),
            Person(Jalisco[0], "1003", "Jorge Sánchez Cruz", null),
            Person(Jalisco[1], "1004", "Teresa Vargas Rojas", Today.AddDays(-3), 1, 2, 3, 4),
            Person(Lima, "E-1", "Rosa Quispe Huamán", Today.AddDays(10)),
        ]);

        var cut = Render<TrainingPage>();

        Assert.Equal("Capacitación y certificación en Buen Trato", cut.Find("h1").TextContent);
        // Two of four certified and current (the one due in 20 days still counts); two completed the course.
        Assert.Contains("2 de 4 personas certificadas y vigentes", cut.Find("[data-testid=training-certified]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 de 4 personas asistieron a todas las sesiones", cut.Find("[data-testid=training-complete]").TextContent, StringComparison.Ordinal);
        // Every other unit of her OOAD has no staff loaded: named as a gap.
        var missing = cut.Find("[data-testid=training-missing-units]").TextContent;
        Assert.Contains($"({Jalisco.Length - 2})", missing, StringComparison.Ordinal);
        Assert.DoesNotContain(Jalisco[0].Name, missing, StringComparison.Ordinal);
        // Her units, worst first; no "all regions" row above her own.
        var rows = cut.FindAll("[data-testid=training-coverage-row]").Select(r => r.TextContent).ToArray();
        Assert.StartsWith(Jalisco[1].Name, rows[0], StringComparison.Ordinal);
        Assert.Contains("67 % (2)", rows.Single(r => r.StartsWith(Jalisco[0].Name, StringComparison.Ordinal)), StringComparison.Ordinal);
        // Due within 60 days first, then expired; Lima's técnico is never shown to her.
        var due = cut.FindAll("[data-testid=training-due-row]").Select(r => r.TextContent).ToArray();
        Assert.Equal(2, due.Length);
        Assert.Contains("Carmen López Flores", due[0], StringComparison.Ordinal);
        Assert.Contains("vence en 20 días", due[0], StringComparison.Ordinal);
        Assert.Contains("Teresa Vargas Rojas", due[1], StringComparison.Ordinal);
        Assert.Contains("Vencida", due[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Rosa Quispe", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Jalisco[0].Code, cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=training-import]"));
    }

    [Fact]
    public void Render_AUnitChosen_EachPersonsMissingSessions()
    {
        SignInAs(Role.Director, ReadScope.ForUnit(Jalisco[0].Code));
        _store.Records.AddRange(
        [
            Person(Jalisco[0], "1001", "Ana Lucía Ramírez Soto", Today.AddYears(1), 1, 2, 3, 4),
            Person(Jalisco[0], "1002", "Carmen López Flores", Today.AddDays(20), 1, 3),
        ]);

        var cut = Render<TrainingPage>();

        var people = cut.FindAll("[data-testid=training-person]").Select(r => r.TextContent).ToArray();
        var carmen = people.Single(p => p.Contains("Carmen", StringComparison.Ordinal));
        Assert.Contains("Faltan: 2, 4", carmen, StringComparison.Ordinal);
        Assert.Contains("Completo", people.Single(p => p.Contains("Ana Lucía", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ComplaintsByStaffRole_EachRolesCountPerMonthWithItsTrend()
    {
        _roles.Days.AddRange(
        [
            new StaffRoleDay("medical-assistant", new DateOnly(2026, 11, 3), 4),
            new StaffRoleDay("medical-assistant", new DateOnly(2026, 10, 12), 2),
            new StaffRoleDay("pharmacy", new DateOnly(2026, 11, 20), 1),
            new StaffRoleDay(null, new DateOnly(2026, 9, 1), 3),
        ]);

        var cut = Render<TrainingPage>();

        var header = cut.Find("[data-testid=training-role-trend] thead").TextContent;
        Assert.Contains("jun 2026", header, StringComparison.Ordinal);
        Assert.Contains("nov 2026", header, StringComparison.Ordinal);
        Assert.DoesNotContain("dic 2026", header, StringComparison.Ordinal);
        var rows = cut.FindAll("[data-testid=training-role-row]").Select(r => r.TextContent).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("Asistente médica", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("Sin especificar", rows[2], StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("[data-testid=training-sparkline]").Count);
        // The read asked for complaints of the six whole months before this one, within the viewer's scope.
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 30)), (_roles.Asked!.OpenedFrom, _roles.Asked.OpenedTo));
    }

    [Fact]
    public void Render_RecordsBeginInSeptember_TheTrendStartsThereInsteadOfMonthsOfUnknownZeros()
    {
        _roles.FirstOpened = new DateTimeOffset(2026, 9, 6, 14, 0, 0, TimeSpan.Zero);
        _roles.Days.Add(new StaffRoleDay("medical-assistant", new DateOnly(2026, 9, 10), 2));

        var cut = Render<TrainingPage>();

        var header = cut.Find("[data-testid=training-role-trend] thead").TextContent;
        Assert.Contains("sept 2026", header, StringComparison.Ordinal);
        Assert.Contains("nov 2026", header, StringComparison.Ordinal);
        Assert.DoesNotContain("ago 2026", header, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 9, 1), _roles.Asked!.OpenedFrom);
    }

    [Fact]
    public void Import_FileWithABadRow_ErrorsBesideTheUploadAndNothingStored_ThenAGoodFileIsShown()
    {
        var cut = Render<TrainingPage>();
        const string Header = "unitCode,staffNumber,name,staffRole,agentId,certifiedOn,expiresOn,sessions\n";

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            Header + $"{Jalisco[0].Code},1001,Ana Ramírez,pharmacy,,2026-01-15,,1;2\n{Jalisco[0].Code},1002,Carmen López,pharmacy,,,,1;9\n", "personal.csv"));

        cut.WaitForAssertion(() => Assert.Contains("Línea 3, columna sessions", cut.Find("[data-testid=training-import-errors]").TextContent, StringComparison.Ordinal));
        Assert.Empty(_store.Records);
        Assert.Equal(AuditOutcome.Failed, Assert.Single(AuditLog.Entries).Outcome);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Header + $"{Jalisco[0].Code},1001,Ana Ramírez,pharmacy,,2026-01-15,,1;2\n", "personal.csv"));

        cut.WaitForAssertion(() => Assert.Contains("Se guardaron 1 personas", cut.Find("[data-testid=training-import-done]").TextContent, StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2028, 1, 15), Assert.Single(_store.Records).Certification!.ExpiresOn);
        Assert.Equal(AuditOutcome.Success, AuditLog.Entries[^1].Outcome);
        Assert.Contains("1 personas certificadas", cut.Find("[data-testid=training-certified]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Complaints per staff role and day, as the reader would answer; remembers the filter it was asked for.</summary>
    private sealed class RoleSeries : CaseReadersStub
    {
        public List<StaffRoleDay> Days { get; } = [];

        public CaseFilter? Asked { get; private set; }

        /// <summary>When the scope's records begin; none: a long history.</summary>
        public DateTimeOffset? FirstOpened { get; set; }

        public override Task<DateTimeOffset?> ReadFirstOpenedAsync(ReadScope scope, CancellationToken cancellationToken = default) => Task.FromResult(FirstOpened);

        public override Task<IReadOnlyList<StaffRoleDay>> ReadComplaintsPerStaffRoleDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
        {
            Asked = filter;
            return Task.FromResult<IReadOnlyList<StaffRoleDay>>(Days.Where(d => d.Day >= filter.OpenedFrom && d.Day <= filter.OpenedTo).ToArray());
        }
    }
}
