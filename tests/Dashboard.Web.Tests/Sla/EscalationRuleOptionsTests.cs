using Dashboard.Core.Cases;
using Dashboard.Web.Sla;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Sla;

/// <summary>An institution's escalation rules, as its settings state them, and what is refused at start.</summary>
public sealed class EscalationRuleOptionsTests
{
    private static SlaOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Sla").Get<SlaOptions>() ?? new SlaOptions();

    [Fact]
    public void RuleFromSettings_JoinsTheDefaults()
    {
        var options = Bind(new()
        {
            ["Sla:EscalationRules:0:Name"] = "farmacia IMSS",
            ["Sla:EscalationRules:0:Institution"] = "Imss",
            ["Sla:EscalationRules:0:StaffRoles:0"] = "pharmacy",
            ["Sla:EscalationRules:0:Steps:0:Level"] = "1",
            ["Sla:EscalationRules:0:Steps:0:AfterBusinessDays"] = "0",
        });

        Assert.Null(options.Problem());
        var ladder = options.BuildLadder(Core.Profiles.InstitutionProfiles.Current);
        // Each profile's own rules (IMSS, then EsSalud), then the deployment's.
        Assert.Equal(["complex", "critical", "mistreatment", "complex", "critical", "mistreatment", "farmacia IMSS"], ladder.Rules.Select(r => r.Name));
        Assert.Equal(Core.Catalogue.Institution.Imss, ladder.Rules[^1].Institution);
        Assert.Equal(["pharmacy"], ladder.Rules[^1].StaffRoles);
    }

    [Theory]
    [InlineData("Categories:0", "trato-indigno", "Sla:EscalationRules:0: Categories: 'trato-indigno' is not a category of Imss")]
    [InlineData("StaffRoles:0", "conserje", "Sla:EscalationRules:0: StaffRoles: 'conserje' is not a staff role of Imss")]
    [InlineData("Steps:0:Level", "4", "Sla:EscalationRules:0: Steps: one or more, each a distinct Level 1–3 with AfterBusinessDays ≥ 0")]
    public void RuleNamingWhatTheInstitutionDoesNotHave_IsRefusedWithWhereAndWhat(string key, string value, string problem)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sla:EscalationRules:0:Name"] = "regla",
            ["Sla:EscalationRules:0:Institution"] = "Imss",
            ["Sla:EscalationRules:0:Kinds:0"] = nameof(CaseKind.Complaint),
            ["Sla:EscalationRules:0:Steps:0:Level"] = "1",
            ["Sla:EscalationRules:0:Steps:0:AfterBusinessDays"] = "0",
        };
        settings[$"Sla:EscalationRules:0:{key}"] = value;

        Assert.Equal(problem, Bind(settings).Problem());
    }
}
