using Dashboard.Core.Catalogue;
using Dashboard.Core.Profiles;
using Dashboard.Core.Staff;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Tests.Staff;

/// <summary>Buen Trato certification and training rules from worked examples: expiry, renewal due, missing sessions, coverage.</summary>
public sealed class TrainingProgrammeTests
{
    private static readonly TrainingProgramme SixWeeks = new(24, 60,
        [.. Enumerable.Range(1, 6).Select(n => new TrainingSession(n, $"Sesión {n}", $"Session {n}"))]);

    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly CatalogueIndex Catalogue = new(new CatalogueSnapshot(
        [
            new Region("IMSS-JAL", "OOAD Jalisco", Institution.Imss, "America/Mexico_City"),
            new Region("ESS-REB", "Red Prestacional Rebagliati", Institution.EsSalud, "America/Lima"),
        ],
        [
            new Unit("UMF-JAL-023", "UMF No. 23 Guadalajara", UnitType.Umf, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 4),
            new Unit("HN-REB-001", "Hospital Nacional Edgardo Rebagliati Martins", UnitType.HospitalNacional, "ESS-REB", Institution.EsSalud, "America/Lima", 40),
        ], [], [new Agent("TAO-104233", "UMF-JAL-023", "MOD-UMF-JAL-023-1", "Ana Lucía Ramírez Soto")]));

    [Fact]
    public void ExpiryOf_TwoYearCertification_SameDayTwoYearsLater()
    {
        Assert.Equal(new DateOnly(2028, 3, 10), SixWeeks.ExpiryOf(new DateOnly(2026, 3, 10)));
        // A leap day's certification expires on the last day of February.
        Assert.Equal(new DateOnly(2026, 2, 28), SixWeeks.ExpiryOf(new DateOnly(2024, 2, 29)));
    }

    [Theory]
    [InlineData(null, CertificationStatus.None)]
    [InlineData("2026-12-03", CertificationStatus.Expired)]      // expired yesterday
    [InlineData("2026-12-04", CertificationStatus.RenewalDue)]   // its last valid day
    [InlineData("2027-02-02", CertificationStatus.RenewalDue)]   // 60 days ahead: due
    [InlineData("2027-02-03", CertificationStatus.Current)]      // 61 days ahead: not yet
    [InlineData("2028-06-30", CertificationStatus.Current)]
    public void StatusOf_ExpiryAgainstToday_SixtyDaysNotice(string? expiresOn, CertificationStatus expected)
    {
        var expiry = expiresOn is null ? (DateOnly?)null : DateOnly.Parse(expiresOn, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, SixWeeks.StatusOf(expiry, Today));
    }

    [Fact]
    public void MissingSessions_FourOfSixAttended_TheOtherTwoInOrder()
    {
        Assert.Equal([3, 6], SixWeeks.MissingSessions([5, 1, 2, 4]).Select(s => s.Number));
        Assert.False(SixWeeks.IsComplete([1, 2, 3, 4, 5]));
        Assert.True(SixWeeks.IsComplete([6, 5, 4, 3, 2, 1]));
        Assert.Equal(6, SixWeeks.MissingSessions([]).Count);
    }

    [Fact]
    public void Coverage_OneUncertifiedOneDueOneExpired_CountsTheDueAsCertified()
    {
        StoredStaff Person(string number, DateOnly? expires, params int[] sessions) => new(
            new StaffMember("HN-REB-001", number, "Persona " + number, "pharmacy"), "EsSalud", "ESS-REB",
            expires is { } e ? new StaffCertification(e.AddYears(-2), e) : null, sessions);

        var coverage = StaffCoverage.Of(
        [
            Person("1", new DateOnly(2027, 9, 1), 1, 2, 3, 4, 5, 6),
            Person("2", new DateOnly(2027, 1, 10), 1, 2, 3, 4, 5, 6),
            Person("3", new DateOnly(2026, 11, 1), 1, 2),
            Person("4", null),
        ], Today, _ => SixWeeks);

        Assert.Equal(new StaffCoverage(Staff: 4, Certified: 2, RenewalDue: 1, Expired: 1, TrainingComplete: 2), coverage);
        Assert.Equal(0.5, coverage.CertifiedShare);
        Assert.Equal(2, coverage.Uncertified);
        Assert.Null(StaffCoverage.Empty.CertifiedShare);
    }

    [Fact]
    public void Profiles_EsSaludSixSessionsImssItsOwnCourse_TwoYearsSixtyDays()
    {
        var essalud = InstitutionProfiles.Current[Institution.EsSalud].Training;
        var imss = InstitutionProfiles.Current[Institution.Imss].Training;

        Assert.Equal(6, essalud.SessionCount);
        Assert.Equal((24, 60), (essalud.CertificationMonths, essalud.RenewalNoticeDays));
        Assert.True(imss.SessionCount >= 1);
        Assert.Equal(essalud, StaffRules.ProgrammeOf("EsSalud"));
        Assert.Equal(TrainingProgramme.Default, StaffRules.ProgrammeOf("Nadie"));
    }

    [Fact]
    public void Validate_GoodStaff_NoErrors()
    {
        var errors = StaffRules.Validate(
        [
            new StaffRecord(new StaffMember("UMF-JAL-023", "98765432", "Ana Lucía Ramírez Soto", StaffRules.AttentionTechnician, "TAO-104233"),
                new StaffCertification(new DateOnly(2026, 1, 15), new DateOnly(2028, 1, 15)), [1, 2, 3, 4]),
            new StaffRecord(new StaffMember("HN-REB-001", "E-004512", "Rosa Quispe Huamán", "pharmacy"), null, [1, 2, 3, 4, 5, 6]),
            // The same number in another institution is another person.
            new StaffRecord(new StaffMember("HN-REB-001", "98765432", "Luis Mamani Rojas", "medical-assistant"), null, []),
        ], Catalogue, ReadScope.All, Today);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("UMF-XXX-999", "1001", "Ana", "pharmacy", null, "unitCode")]
    [InlineData("HN-REB-001", "1001", "Ana", "pharmacy", null, "unitCode")]          // outside the writer's region
    [InlineData("UMF-JAL-023", "", "Ana", "pharmacy", null, "staffNumber")]
    [InlineData("UMF-JAL-023", "10 01", "Ana", "pharmacy", null, "staffNumber")]
    [InlineData("UMF-JAL-023", "1001", " ", "pharmacy", null, "name")]
    [InlineData("UMF-JAL-023", "1001", "Ana", "surgeon", null, "staffRole")]
    [InlineData("UMF-JAL-023", "1001", "Ana", StaffRules.AttentionTechnician, "TAO-000000", "agentId")]
    public void Validate_OneBadValue_NamesItsField(string unit, string number, string name, string role, string? agent, string field)
    {
        var error = Assert.Single(StaffRules.Validate([new StaffRecord(new StaffMember(unit, number, name, role, agent), null, [])],
            Catalogue, ReadScope.ForRegion("IMSS-JAL"), Today));

        Assert.Equal((0, field), (error.Index, error.Field));
    }

    [Fact]
    public void Validate_FutureCertificationSessionSevenAndATwin_EachNamed()
    {
        var ana = new StaffMember("HN-REB-001", "1001", "Ana", "pharmacy");
        var errors = StaffRules.Validate(
        [
            new StaffRecord(ana, new StaffCertification(Today.AddDays(1), Today.AddYears(2)), [1, 7]),
            new StaffRecord(ana with { Name = "Ana bis" }, new StaffCertification(Today, Today), [2, 2]),
        ], Catalogue, ReadScope.All, Today);

        Assert.Equal([(0, "certifiedOn"), (0, "sessions"), (1, "staffNumber"), (1, "expiresOn"), (1, "sessions")], errors.Select(e => (e.Index, e.Field)));
    }
}
