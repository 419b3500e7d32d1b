using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dashboard.Core.Catalogue;

namespace Dashboard.Data.CatalogueImport;

/// <summary>
/// Reads a deployment's own catalogue from four CSV files (UTF-8, comma separated, header first):
/// <c>regions.csv</c> <c>code,name,institution,timeZone</c>; <c>units.csv</c>
/// <c>code,name,type,regionCode,institution,timeZone,size</c> (<c>size</c> may be left out: 1);
/// <c>modules.csv</c> <c>code,unitCode,name</c>; <c>agents.csv</c> <c>id,unitCode,moduleCode,name</c>.
/// Every row is checked and every problem reported with its file, line and column; the catalogue comes back only
/// when there is none. Pure: nothing is written, the catalogue already loaded is passed in.
/// </summary>
public static partial class CatalogueCsvReader
{
    public const string RegionsFile = "regions.csv";
    public const string UnitsFile = "units.csv";
    public const string ModulesFile = "modules.csv";
    public const string AgentsFile = "agents.csv";
    public const int MaxNameLength = 200;
    public const int MinSize = 1;
    public const int MaxSize = 1000;

    private const string CodeRule = "must be 1–64 characters of A-Z a-z 0-9 - _ .";

    private static readonly CsvColumn[] RegionColumns = [new("code"), new("name"), new("institution"), new("timeZone")];

    private static readonly CsvColumn[] UnitColumns =
    [
        new("code"), new("name"), new("type"), new("regionCode"), new("institution"), new("timeZone"), new("size", Required: false),
    ];

    private static readonly CsvColumn[] ModuleColumns = [new("code"), new("unitCode"), new("name")];
    private static readonly CsvColumn[] AgentColumns = [new("id"), new("unitCode"), new("moduleCode"), new("name")];
    private static readonly string[] FileOrder = [RegionsFile, UnitsFile, ModulesFile, AgentsFile];

    [GeneratedRegex("^" + Core.Cases.CaseEventContract.CodeCharacters + "\\z")]
    private static partial Regex CodePattern();

    /// <summary>
    /// Reads regions.csv, units.csv, modules.csv and agents.csv from <paramref name="folder"/>; a missing modules or
    /// agents file means none, a missing regions or units file is an error (line 0).
    /// </summary>
    public static CatalogueCsvResult ReadFolder(string folder, CatalogueSnapshot? existing = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var missing = new List<CsvRowError>();
        using var regions = Open(folder, RegionsFile, required: true, missing);
        using var units = Open(folder, UnitsFile, required: true, missing);
        using var modules = Open(folder, ModulesFile, required: false, missing);
        using var agents = Open(folder, AgentsFile, required: false, missing);
        return regions is null || units is null
            ? new CatalogueCsvResult(null, missing)
            : Read(regions, units, modules, agents, existing);
    }

    /// <summary>
    /// Reads the four files from readers the caller owns (they are not closed); <c>null</c> modules or agents means none.
    /// References may point into <paramref name="existing"/>, the catalogue already loaded; the result holds only the
    /// rows of the files. Errors are sorted by file (regions, units, modules, agents), then line.
    /// </summary>
    public static CatalogueCsvResult Read(
        TextReader regions, TextReader units, TextReader? modules, TextReader? agents, CatalogueSnapshot? existing = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(units);

        var errors = new List<CsvRowError>();
        var regionTable = CsvTable.Read(RegionsFile, regions, RegionColumns, errors);
        var unitTable = CsvTable.Read(UnitsFile, units, UnitColumns, errors);
        var moduleTable = modules is null ? CsvTable.Absent(ModulesFile) : CsvTable.Read(ModulesFile, modules, ModuleColumns, errors);
        var agentTable = agents is null ? CsvTable.Absent(AgentsFile) : CsvTable.Read(AgentsFile, agents, AgentColumns, errors);

        var regionIndex = new CodeIndex<Region>(regionTable.IsReadable, existing?.Regions, r => r.Code);
        var unitIndex = new CodeIndex<Unit>(unitTable.IsReadable, existing?.Units, u => u.Code);
        var moduleIndex = new CodeIndex<Module>(moduleTable.IsReadable, existing?.Modules, m => m.Code);
        var agentIndex = new CodeIndex<Agent>(agentTable.IsReadable, null, a => a.Id);
        var knownText = existing is null ? "" : " nor in the catalogue already loaded";

        var regionRows = ReadRegions(regionTable, regionIndex, errors);
        var unitRows = ReadUnits(unitTable, unitIndex, regionIndex, knownText, errors);
        var moduleRows = ReadModules(moduleTable, moduleIndex, unitIndex, knownText, errors);
        var agentRows = ReadAgents(agentTable, agentIndex, unitIndex, moduleIndex, knownText, errors);

        return errors.Count > 0
            ? new CatalogueCsvResult(null, [.. errors.OrderBy(e => Array.IndexOf(FileOrder, e.File)).ThenBy(e => e.Line)])
            : new CatalogueCsvResult(new CatalogueSnapshot(regionRows, unitRows, moduleRows, agentRows), []);
    }

    private static StreamReader? Open(string folder, string file, bool required, List<CsvRowError> errors)
    {
        var path = Path.Combine(folder, file);
        if (File.Exists(path))
        {
            // Invalid UTF-8 (a file saved as Windows-1252) decodes to U+FFFD, which the name check reports.
            return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }

        if (required)
        {
            errors.Add(new CsvRowError(file, 0, "", $"the file is not in {Path.GetFullPath(folder)}"));
        }

        return null;
    }

    private static List<Region> ReadRegions(CsvTable table, CodeIndex<Region> regions, List<CsvRowError> errors)
    {
        var result = new List<Region>();
        foreach (var row in table.Rows)
        {
            var check = new RowCheck(table.File, row.Line, errors);
            var code = Code(check, row, "code", regions);
            if (row.IsBroken)
            {
                continue;
            }

            var name = Name(check, "name", row["name"]);
            var institution = InstitutionOf(check, "institution", row["institution"]);
            var timeZone = TimeZone(check, "timeZone", row["timeZone"]);
            if (check.IsClean)
            {
                var region = new Region(code, name, institution.GetValueOrDefault(), timeZone);
                regions.SetValid(code, region);
                result.Add(region);
            }
        }

        return result;
    }

    private static List<Unit> ReadUnits(
        CsvTable table, CodeIndex<Unit> units, CodeIndex<Region> regions, string knownText, List<CsvRowError> errors)
    {
        var result = new List<Unit>();
        foreach (var row in table.Rows)
        {
            var check = new RowCheck(table.File, row.Line, errors);
            var code = Code(check, row, "code", units);
            if (row.IsBroken)
            {
                continue;
            }

            var name = Name(check, "name", row["name"]);
            var type = Choice<UnitType>(check, "type", row["type"], "a unit type");
            var regionCode = row["regionCode"];
            var region = Find(check, "regionCode", regionCode, regions, "region", RegionsFile, knownText);
            var institution = InstitutionOf(check, "institution", row["institution"]);
            if (region is not null && institution is not null && region.Institution != institution)
            {
                check.Add("institution", $"is {institution} but region '{region.Code}' is {region.Institution}");
            }

            var timeZone = TimeZone(check, "timeZone", row["timeZone"]);
            var size = Size(check, "size", row["size"]);
            if (check.IsClean)
            {
                var unit = new Unit(code, name, type.GetValueOrDefault(), regionCode, institution.GetValueOrDefault(), timeZone, size);
                units.SetValid(code, unit);
                result.Add(unit);
            }
        }

        return result;
    }

    private static List<Module> ReadModules(
        CsvTable table, CodeIndex<Module> modules, CodeIndex<Unit> units, string knownText, List<CsvRowError> errors)
    {
        var result = new List<Module>();
        foreach (var row in table.Rows)
        {
            var check = new RowCheck(table.File, row.Line, errors);
            var code = Code(check, row, "code", modules);
            if (row.IsBroken)
            {
                continue;
            }

            var unitCode = row["unitCode"];
            Find(check, "unitCode", unitCode, units, "unit", UnitsFile, knownText);
            var name = Name(check, "name", row["name"]);
            if (check.IsClean)
            {
                var module = new Module(code, unitCode, name);
                modules.SetValid(code, module);
                result.Add(module);
            }
        }

        return result;
    }

    private static List<Agent> ReadAgents(
        CsvTable table,
        CodeIndex<Agent> agents,
        CodeIndex<Unit> units,
        CodeIndex<Module> modules,
        string knownText,
        List<CsvRowError> errors)
    {
        var result = new List<Agent>();
        foreach (var row in table.Rows)
        {
            var check = new RowCheck(table.File, row.Line, errors);
            var id = Code(check, row, "id", agents);
            if (row.IsBroken)
            {
                continue;
            }

            var unitCode = row["unitCode"];
            var unit = Find(check, "unitCode", unitCode, units, "unit", UnitsFile, knownText);
            var moduleCode = row["moduleCode"];
            var module = Find(check, "moduleCode", moduleCode, modules, "module", ModulesFile, knownText);
            if (unit is not null && module is not null && !string.Equals(module.UnitCode, unit.Code, StringComparison.Ordinal))
            {
                check.Add("moduleCode", $"module '{module.Code}' belongs to unit '{module.UnitCode}', not to '{unit.Code}'");
            }

            var name = Name(check, "name", row["name"]);
            if (check.IsClean)
            {
                var agent = new Agent(id, unitCode, moduleCode, name);
                agents.SetValid(id, agent);
                result.Add(agent);
            }
        }

        return result;
    }

    /// <summary>
    /// Checks the row's own code and claims it, even when it breaks the pattern or the row is broken, so that the rows
    /// pointing to it are not reported a second time.
    /// </summary>
    private static string Code<T>(RowCheck check, CsvTableRow row, string column, CodeIndex<T> index)
        where T : class
    {
        var code = row[column];
        if (code.Length == 0)
        {
            if (!row.IsBroken)
            {
                check.Add(column, "is required");
            }

            return code;
        }

        if (!index.TryClaim(code, row.Line, out var claimedAt, out var claimedAs))
        {
            if (!row.IsBroken)
            {
                check.Add(column, string.Equals(claimedAs, code, StringComparison.Ordinal)
                    ? $"'{code}' is already on line {claimedAt}"
                    : $"'{code}' is already on line {claimedAt} as '{claimedAs}' (codes must differ in more than case)");
            }
        }
        else if (!row.IsBroken && !CodePattern().IsMatch(code))
        {
            check.Add(column, CodeRule);
        }

        return code;
    }

    /// <summary>Resolves a reference; <c>null</c> when it is not valid, or points to a row that has errors of its own.</summary>
    private static T? Find<T>(
        RowCheck check, string column, string code, CodeIndex<T> index, string what, string file, string knownText)
        where T : class
    {
        if (code.Length == 0)
        {
            check.Add(column, "is required");
            return null;
        }

        var found = index.Find(code);
        switch (found.Kind)
        {
            case ReferenceKind.Found:
                return found.Value;
            case ReferenceKind.CaseDiffers:
                check.Add(column, $"{what} '{code}' is not found; there is '{found.ActualCode}' (codes are case-sensitive)");
                return null;
            case ReferenceKind.Missing when !CodePattern().IsMatch(code):
                check.Add(column, CodeRule);
                return null;
            case ReferenceKind.Missing:
                check.Add(column, $"{what} '{code}' is not in {file}{knownText}");
                return null;
            default:
                return null;
        }
    }

    private static string Name(RowCheck check, string column, string value)
    {
        if (value.Length == 0)
        {
            check.Add(column, "is required");
        }
        else if (value.Length > MaxNameLength)
        {
            check.Add(column, $"is {value.Length} characters long; at most {MaxNameLength}");
        }
        else if (value.Contains('\uFFFD', StringComparison.Ordinal))
        {
            check.Add(column, "has characters that are not UTF-8: save the file as \"CSV UTF-8\"");
        }
        else if (value.Any(char.IsControl))
        {
            check.Add(column, "must be one line of text");
        }

        return value;
    }

    /// <summary>One of the names of an enum, ignoring case (numbers are not accepted).</summary>
    /// <summary>An institution with a profile in use, by its code in any case.</summary>
    private static Institution? InstitutionOf(RowCheck check, string column, string value)
    {
        if (value.Length == 0)
        {
            check.Add(column, "is required");
            return null;
        }

        var profiles = Core.Profiles.InstitutionProfiles.Current;
        if (profiles.Resolve(value) is { } institution)
        {
            return institution;
        }

        check.Add(column, $"'{value}' is not an institution with a profile; use one of {string.Join(", ", profiles.Institutions)}");
        return null;
    }

    private static TEnum? Choice<TEnum>(RowCheck check, string column, string value, string what)
        where TEnum : struct, Enum
    {
        if (value.Length == 0)
        {
            check.Add(column, "is required");
            return null;
        }

        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse<TEnum>(name);
            }
        }

        check.Add(column, $"'{value}' is not {what}; use one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        return null;
    }

    /// <summary>An IANA time zone id known to this machine, returned with its canonical casing.</summary>
    private static string TimeZone(RowCheck check, string column, string value)
    {
        if (value.Length == 0)
        {
            check.Add(column, "is required");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone))
        {
            check.Add(column, $"'{value}' is not a known time zone; use an IANA id such as America/Mexico_City or America/Lima");
        }
        else if (!zone.HasIanaId)
        {
            check.Add(column, TimeZoneInfo.TryConvertWindowsIdToIanaId(value, out var iana)
                ? $"'{value}' is a Windows id; use the IANA id {iana}"
                : $"'{value}' is not an IANA time zone id");
        }
        else
        {
            return zone.Id;
        }

        return value;
    }

    private static int Size(RowCheck check, string column, string value)
    {
        if (value.Length == 0)
        {
            return 1;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size))
        {
            check.Add(column, $"'{value}' is not a whole number; use {MinSize} to {MaxSize} (empty: 1)");
        }
        else if (size is < MinSize or > MaxSize)
        {
            check.Add(column, $"{size} is out of range; use {MinSize} to {MaxSize}");
        }

        return size;
    }

    /// <summary>Adds the errors of one row and tells whether it has any.</summary>
    private sealed class RowCheck(string file, int line, List<CsvRowError> errors)
    {
        private readonly int _before = errors.Count;

        public bool IsClean => errors.Count == _before;

        public void Add(string column, string message) => errors.Add(new CsvRowError(file, line, column, message));
    }
}
