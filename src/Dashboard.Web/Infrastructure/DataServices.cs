using Dashboard.Core.Access;
using Dashboard.Core.Alerts;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data;
using Dashboard.Data.Reads;
using Dashboard.Data.Stores;
using Dashboard.Web.Catalogue;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Infrastructure;

/// <summary>Where the data lives: the provider, its statements, one pooled connection factory, the stores and the catalogue.</summary>
public static class DataServices
{
    public static IServiceCollection AddTableroData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .PostConfigure(o => o.BasePath = contentRoot)
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is SqlServer")
            .ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));

        DapperSetup.Register();
        services.AddSingleton(sp => new SqlScripts(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return ConnectionFactory.Create(options.Provider, options.ResolveConnectionString());
        });
        services.AddHostedService<WalCheckpointService>();
        services.AddSingleton<ICatalogueStore, CatalogueStore>();
        services.AddSingleton<ICaseEventLog, CaseEventLog>();
        // Readers per feature (Dashboard.Core/Reads, Dashboard.Data/Reads): each page, endpoint and job takes the one it reads.
        services.AddSingleton<ICaseReader, CaseReader>();
        services.AddSingleton<ICaseListReader, CaseListReader>();
        services.AddSingleton<ICaseExportReader, CaseExportReader>();
        services.AddSingleton<IMyCasesReader, MyCasesReader>();
        services.AddSingleton<IOverviewReader, OverviewReader>();
        services.AddSingleton<IWallReader, WallReader>();
        services.AddSingleton<IRegionReader, RegionReader>();
        services.AddSingleton<IComplaintReader, ComplaintReader>();
        // The overview's daily counters keep days on each unit's clock: their recount asks the catalogue for the zone.
        services.AddSingleton(sp => new Dashboard.Data.Stores.CaseDaysRebuild(sp.GetRequiredService<ConnectionFactory>(), sp.GetRequiredService<SqlScripts>(),
            code => sp.GetRequiredService<CatalogueService>().Current.FindUnit(code)?.TimeZone));
        services.AddSingleton<Dashboard.Core.Surveys.ISurveyStore, SurveyStore>();
        services.AddSingleton<Dashboard.Web.Surveys.SurveyService>();
        services.AddSingleton<Dashboard.Core.Staff.IStaffStore, StaffStore>();
        services.AddSingleton<Dashboard.Web.Staff.StaffTrainingService>();
        services.AddSingleton<Dashboard.Core.Indicators.IAttentionVolumeStore, AttentionVolumeStore>();
        services.AddSingleton<Dashboard.Web.Indicators.AttentionVolumeService>();
        services.AddSingleton<Dashboard.Web.Indicators.ComplaintIndicators>();
        services.AddScoped<Dashboard.Web.Reports.OverviewReport>();
        services.AddScoped<Dashboard.Web.Reports.ComplaintIndicatorsReport>();
        services.AddScoped<Dashboard.Web.Reports.RecognitionReport>();
        services.AddSingleton<IStaffRoleReader, StaffRoleReader>();
        services.AddSingleton<Dashboard.Core.Committees.ICommitteeBoardReader, CommitteeBoardReader>();
        services.AddSingleton<ILateArrivalReader, LateArrivalReader>();
        services.AddSingleton<IWorkloadReader, WorkloadReader>();
        services.AddSingleton<IRecognitionReader, RecognitionReader>();
        services.AddSingleton<IHolidayStore, HolidayStore>();
        services.AddSingleton<Dashboard.Core.Committees.ICommitteeStore, CommitteeStore>();
        services.AddSingleton<Dashboard.Core.Committees.ICommitteeSessionStore, CommitteeSessionStore>();
        services.AddSingleton<Dashboard.Core.Committees.IAgreementStore, AgreementStore>();
        services.AddSingleton<Dashboard.Core.Committees.IBrigadeStore, BrigadeStore>();
        services.AddSingleton<Dashboard.Core.Committees.ISessionAgendaStore, SessionAgendaStore>();
        services.AddSingleton<IAlertStore, AlertStore>();
        services.AddSingleton<IAccessStore, AccessStore>();
        services.AddSingleton<IAuditStore, AuditStore>();
        services.AddSingleton<IHistoryImportStore, HistoryImportStore>();
        services.AddSingleton<IDemoSettingsStore, DemoSettingsStore>();
        services.AddSingleton<IPersonalDataPurge, PersonalDataPurge>();
        services.AddSingleton<CatalogueService>();
        return services;
    }
}
