using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Profiles;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Tests.Profiles;

/// <summary>Institution profiles are folders: the shipped ones load, a third is a folder away, and a bad file is named by file, line and field.</summary>
public sealed class ProfileLoaderTests
{
    private static readonly Institution Issste = new("Issste");

    [Fact]
    public void ShippedProfiles_LoadWithoutErrors_ImssListedBeforeEsSalud()
    {
        var loaded = ProfileLoader.Load(InstitutionProfiles.ShippedFolder);

        Assert.Empty(loaded.Errors);
        Assert.Equal([Institution.Imss, Institution.EsSalud], loaded.Profiles!.Institutions);
        Assert.Equal(new InsuredIdRule("NSS", 11, CheckDigit.Luhn), loaded.Profiles[Institution.Imss].InsuredId);
        Assert.Equal(new InsuredIdRule("DNI", 8, CheckDigit.None), loaded.Profiles[Institution.EsSalud].InsuredId);
        Assert.Equal(Institution.EsSalud, loaded.Profiles.Resolve("ESSALUD"));
    }

    [Fact]
    public void AThirdInstitution_IsAFolder_AndACaseRunsThroughItsPoliciesRulesHolidaysAndWords()
    {
        using var folder = ProfileFolder.WithThird();
        var profiles = ProfileLoader.Load(folder.Path).OrThrow();
        var issste = profiles[Issste];
        var unit = new Unit("ISSSTE-CMF-01", "Clínica de Medicina Familiar Guadalajara", UnitType.Umf, "ISSSTE-JAL", Issste, "America/Mexico_City", 3);
        var context = new CaseContext(
            code => code == unit.Code ? unit : null,
            new SlaEngine(new SlaCalendars(profiles: profiles), EscalationLadder.FromProfiles(profiles, []), i => profiles[i].Policies));
        // Tuesday 30 March 2027, 10:00 in Guadalajara: the institute's own day off (31 March) falls inside the ten business days.
        var opened = new DateTimeOffset(2027, 3, 30, 10, 0, 0, TimeSpan.FromHours(-6));

        var state = CaseRules.Apply(null, new CaseEvent(Guid.NewGuid(), "ISSSTE-1", opened,
            new CaseOpenedData(unit.Code, CaseKind.Complaint, Channel.Module, "medicine-supply", Priority.Medium, false, "Sin surtir la receta.", StaffRole: "pharmacy")), context).Next!;

        Assert.Equal([Institution.Imss, Institution.EsSalud, Issste], profiles.Institutions);
        Assert.Equal("issste-any", state.Sla!.Policy);
        // Ten business days from Wednesday 31 March, which is the institute's day off: the clock starts on 1 April.
        Assert.Equal(new DateOnly(2027, 4, 14), DateOnly.FromDateTime(state.Sla.Resolution!.DueAt.ToOffset(TimeSpan.FromHours(-6)).DateTime));
        var escalated = SlaSweep.DueEvents(state, opened.AddDays(30), context).Select(e => e.Data).OfType<CaseEscalatedData>().Select(e => e.Level);
        Assert.Equal([2], escalated);
        Assert.Equal("Delegación", issste.Word("Region", "es-MX"));
        Assert.Null(issste.Word("KindComplaint", "es-MX"));
        Assert.Equal(10, issste.InsuredId.Digits);
    }

    [Fact]
    public void BadFiles_AreEachNamedWithFileLineAndField_AndNothingIsLoaded()
    {
        using var folder = ProfileFolder.Shipped();
        folder.Edit("imss", ProfileLoader.PoliciesFile, t => t.Replace("\"warningPercent\": 75", "\"warningPercen\": 75", StringComparison.Ordinal));
        folder.Edit("imss", ProfileLoader.EscalationFile, t => t.Replace("\"categories\": [ \"mistreatment\" ]", "\"categories\": [ \"maltrato\" ]", StringComparison.Ordinal));
        folder.Edit("essalud", ProfileLoader.ProfileFile, t => t.Replace("America/Lima", "America/Lima_Callao", StringComparison.Ordinal));
        folder.Edit("essalud", ProfileLoader.HolidaysFile, t => t.Replace("\"month\": 6, \"day\": 29", "\"month\": 6, \"day\": 31", StringComparison.Ordinal));

        var loaded = ProfileLoader.Load(folder.Path);

        Assert.Null(loaded.Profiles);
        Assert.Equal(4, loaded.Errors.Count);
        AssertError(loaded, folder, "imss", ProfileLoader.PoliciesFile, "warningPercen", "", "warningPercen");
        AssertError(loaded, folder, "imss", ProfileLoader.EscalationFile, "[ \"maltrato\" ]", "rules[2].categories[0]", "'maltrato' is not a category");
        AssertError(loaded, folder, "essalud", ProfileLoader.ProfileFile, "America/Lima_Callao", "timeZone", "is not a time zone");
        AssertError(loaded, folder, "essalud", ProfileLoader.HolidaysFile, "\"day\": 31", "rules[5]", "day is not a day of that month");
    }

    [Fact]
    public void ShippedProfiles_CarryTheirSurveyQuestionsAndScale_InTheInstitutionsWords()
    {
        var profiles = ProfileLoader.Load(InstitutionProfiles.ShippedFolder).OrThrow();

        var imss = profiles[Institution.Imss].Survey;
        Assert.Equal(["P1", "P2", "P3", "P4", "P5"], imss.Questions.Select(q => q.Code));
        Assert.Equal(["5", "4", "3", "2", "1"], imss.Scale.Select(o => o.Code));
        Assert.Equal("Muy satisfecho", imss.Option("5")!.Es);
        var essalud = profiles[Institution.EsSalud].Survey;
        Assert.Equal("Muy bueno", essalud.Option("mb")!.Es);
        Assert.Null(essalud.Question("P5"));
    }

    [Fact]
    public void ASurveyWithARepeatedOrColonCode_IsRefusedWithTheField()
    {
        using var folder = ProfileFolder.Shipped();
        folder.Edit("imss", ProfileLoader.ProfileFile, t => t
            .Replace("{ \"code\": \"P2\"", "{ \"code\": \"P1\"", StringComparison.Ordinal)
            .Replace("{ \"code\": \"3\"", "{ \"code\": \"3:a\"", StringComparison.Ordinal));

        var loaded = ProfileLoader.Load(folder.Path);

        Assert.Null(loaded.Profiles);
        Assert.Contains(loaded.Errors, e => e.Field.Contains("survey.questions[1].code", StringComparison.Ordinal) && e.Message.Contains("repeated", StringComparison.Ordinal));
        Assert.Contains(loaded.Errors, e => e.Field.Contains("survey.scale[2].code", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingFile_APolicyGapAndBrokenJson_AreRefusedWithWhere()
    {
        using var folder = ProfileFolder.Shipped();
        File.Delete(folder.FileOf("imss", ProfileLoader.VocabularyFile));
        folder.Edit("essalud", ProfileLoader.ClassificationFile, t => t.Replace("\"categories\": [", "\"categories\" [", StringComparison.Ordinal));
        var onlyCritical = """
            { "warningPercent": 75, "policies": [ { "name": "only-critical", "priority": "Critical", "resolution": { "hours": 24 }, "why": "x" } ] }
            """;
        folder.Edit("essalud", ProfileLoader.PoliciesFile, _ => onlyCritical);

        var errors = ProfileLoader.Load(folder.Path).Errors.Select(e => e.ToString()).ToArray();

        Assert.Contains("imss/vocabulary.json: is missing", errors);
        Assert.Contains(errors, e => e.StartsWith("essalud/classification.json:2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("essalud/policies.json:1 policies: no policy covers", StringComparison.Ordinal));
    }

    private static void AssertError(ProfileLoadResult loaded, ProfileFolder folder, string profile, string file, string textOnLine, string field, string message)
    {
        var line = Array.FindIndex(File.ReadAllLines(folder.FileOf(profile, file)), l => l.Contains(textOnLine, StringComparison.Ordinal)) + 1;
        Assert.Contains(loaded.Errors, e => e.File == $"{profile}/{file}" && e.Line == line && e.Field.Contains(field, StringComparison.Ordinal)
            && (e.Message.Contains(message, StringComparison.Ordinal) || e.Field.Contains(message, StringComparison.Ordinal)));
    }
}
