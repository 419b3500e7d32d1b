using Dashboard.Data;
using Dashboard.Data.Stores;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// <c>rebuild-counts</c>: recounts the summary's and the overview's counters from the case rows (<see cref="CaseCountsRebuild"/>, <see cref="CaseDaysRebuild"/>) and says
/// how many it corrected; safe while the service runs (its writes wait for the recount).
/// </summary>
public static class RebuildCountsCommand
{
    public const string Name = "rebuild-counts";

    public static bool Matches(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            var (counters, corrected) = await new CaseCountsRebuild(services.GetRequiredService<ConnectionFactory>(), services.GetRequiredService<SqlScripts>()).RunAsync();
            await output.WriteLineAsync($"Case counters rebuilt from the cases: {counters} counters, {corrected} corrected.");
            var (days, daysCorrected) = await services.GetRequiredService<CaseDaysRebuild>().RunAsync();
            await output.WriteLineAsync($"Daily case counters rebuilt from the cases: {days} counters, {daysCorrected} corrected.");
            return 0;
        }
        catch (Exception ex) when (StorageFaults.Describe(ex) is { } fault)
        {
            await errors.WriteLineAsync($"{Name} failed: {fault.Reason}; nothing was changed");
            return 1;
        }
    }
}
