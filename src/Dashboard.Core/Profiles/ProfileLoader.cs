using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Sla;
using Dashboard.Core.Sla.Calendars;
using Dashboard.Core.Staff;

namespace Dashboard.Core.Profiles;

/// <summary>
/// Reads a folder of institution profiles (one sub-folder each) and checks every file before any of it is used: a
/// typo, an unknown field, a category a rule names but the classification lacks, a case no policy covers — each is
/// reported with its file, line and field, and nothing is loaded unless the whole folder is valid.
/// </summary>
public static partial class ProfileLoader
{
    public const string ProfileFile = "profile.json";
    public const string PoliciesFile = "policies.json";
    public const string EscalationFile = "escalation.json";
    public const string ClassificationFile = "classification.json";
    public const string HolidaysFile = "holidays.json";
    public const string VocabularyFile = "vocabulary.json";

    /// <summary>Every file a profile folder has, in the order they are read.</summary>
    public static readonly IReadOnlyList<string> Files = [ProfileFile, ClassificationFile, PoliciesFile, EscalationFile, HolidaysFile, VocabularyFile];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    [GeneratedRegex("^[A-Za-z]{2,32}$")]
    private static partial Regex InstitutionCode();

    [GeneratedRegex("^[a-z]{2}(-[A-Z]{2})?$")]
    private static partial Regex Language();

    public static ProfileLoadResult Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            return new(null, [new ProfileError(folder, null, "", "the profiles folder does not exist")]);
        }

        var errors = new List<ProfileError>();
        var profiles = new List<InstitutionProfile>();
        foreach (var sub in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (LoadOne(sub, errors) is { } profile)
            {
                if (profiles.FirstOrDefault(p => string.Equals(p.Institution.Code, profile.Institution.Code, StringComparison.OrdinalIgnoreCase)) is { } twin)
                {
                    errors.Add(new($"{Path.GetFileName(sub)}/{ProfileFile}", null, "code", $"'{profile.Institution.Code}' is also the code of {Path.GetFileName(twin.Folder)}/"));
                }

                profiles.Add(profile);
            }
        }

        if (profiles.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(folder, null, "", "has no profile folder (one sub-folder per institution, each with profile.json)"));
        }

        // Lists of several institutions follow the profiles' listOrder (then code): IMSS before EsSalud as shipped.
        return errors.Count > 0 ? new(null, errors)
            : new(new InstitutionProfiles([.. profiles.OrderBy(p => p.ListOrder).ThenBy(p => p.Institution.Code, StringComparer.OrdinalIgnoreCase)]), []);
    }

    /// <summary>One profile folder, or null with its errors added.</summary>
    public static InstitutionProfile? LoadOne(string folder, List<ProfileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var reader = new FileReader(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder, errors);

        var about = reader.Read<ProfileDto>(ProfileFile);
        var classification = reader.Read<ClassificationDto>(ClassificationFile);
        var policies = reader.Read<PoliciesDto>(PoliciesFile);
        var escalation = reader.Read<EscalationDto>(EscalationFile);
        var holidays = reader.Read<HolidaysDto>(HolidaysFile);
        var vocabulary = reader.Read<Dictionary<string, Dictionary<string, string>>>(VocabularyFile);
        // Every file that parsed is checked, so one reading names every error of the folder.
        if (about is not null)
        {
            CheckAbout(about, reader);
        }

        var catalogue = classification is null ? null : CheckClassification(classification, reader);
        var policySet = policies is null ? null : CheckPolicies(policies, reader);
        var rules = escalation is null || catalogue is null ? null : CheckEscalation(escalation, catalogue, reader);
        if (holidays is not null)
        {
            CheckHolidays(holidays, reader);
        }

        if (vocabulary is not null)
        {
            CheckVocabulary(vocabulary, reader);
        }

        if (errors.Count > before || about is null || catalogue is null || policySet is null || rules is null || holidays is null || vocabulary is null)
        {
            return null;
        }

        var institution = new Institution(about.Code);
        return new InstitutionProfile(
            institution,
            about.Name,
            about.FullName ?? about.Name,
            about.Country,
            about.TimeZone,
            new InsuredIdRule(about.InsuredId.Name, about.InsuredId.Digits, about.InsuredId.CheckDigit),
            new SlaPolicySet(institution, policySet),
            rules.Select(r => r with { Institution = institution }).ToArray(),
            new ClassificationCatalogue(institution, catalogue.Categories, catalogue.StaffRoles),
            holidays.Rules,
            holidays.Days?.Select(d => new Holiday(d.Date, d.Name, Extra: true)).ToArray() ?? [],
            vocabulary.ToDictionary(l => l.Key, l => (IReadOnlyDictionary<string, string>)l.Value, StringComparer.Ordinal))
        {
            Folder = folder,
            ListOrder = about.ListOrder,
            Training = about.Training is { } t
                ? new TrainingProgramme(t.CertificationMonths, t.RenewalNoticeDays, t.Sessions.Select(x => new TrainingSession(x.Number, x.Es, x.En)).ToArray()) { Course = t.Course }
                : TrainingProgramme.Default,
            Survey = about.Survey is { } sv
                ? new Surveys.SurveyQuestionnaire(
                    sv.Questions.Select(q => new Surveys.SurveyQuestion(q.Code, q.Es, q.En)).ToArray(),
                    sv.Scale.Select(o => new Surveys.SurveyScaleOption(o.Code, o.Es, o.En)).ToArray())
                : Surveys.SurveyQuestionnaire.None,
            RecognitionDay = about.RecognitionDay is { } day ? ParseMonthDay(day) : null,
        };
    }

    private static void CheckAbout(ProfileDto about, FileReader reader)
    {
        var file = reader.At(ProfileFile);
        if (!InstitutionCode().IsMatch(about.Code))
        {
            file.Error("$.code", "must be 2–32 letters (it is stored with every unit and names the scope institution:CODE)");
        }

        if (string.IsNullOrWhiteSpace(about.Name))
        {
            file.Error("$.name", "is required");
        }

        if (string.IsNullOrWhiteSpace(about.Country))
        {
            file.Error("$.country", "is required (holidays decreed by an administrator apply to every institution of the country)");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(about.TimeZone, out _))
        {
            file.Error("$.timeZone", $"'{about.TimeZone}' is not a time zone this machine knows (an IANA name such as America/Mexico_City)");
        }

        if (about.RecognitionDay is { } day && ParseMonthDay(day) is null)
        {
            file.Error("$.recognitionDay", $"'{day}' is not a day of the year as MM-dd (11-16)");
        }

        if (about.InsuredId.Digits is < 4 or > 20)
        {
            file.Error("$.insuredId.digits", "must be 4–20");
        }

        if (string.IsNullOrWhiteSpace(about.InsuredId.Name))
        {
            file.Error("$.insuredId.name", "is required (what the identifier is called: NSS, DNI, CURP…)");
        }

        if (about.Training is { } training)
        {
            if (training.CertificationMonths is < 1 or > 120)
            {
                file.Error("$.training.certificationMonths", "must be 1–120 (how long a Buen Trato certification is valid)");
            }

            if (training.RenewalNoticeDays is < 1 or > 365)
            {
                file.Error("$.training.renewalNoticeDays", "must be 1–365 (how long before its expiry a certification is due for renewal)");
            }

            if (training.Sessions.Length is < 1 or > 50)
            {
                file.Error("$.training.sessions", "needs 1–50 sessions");
            }

            for (var i = 0; i < training.Sessions.Length; i++)
            {
                if (training.Sessions[i].Number != i + 1)
                {
                    file.Error($"$.training.sessions[{i}].number", $"must be {i + 1}: sessions are numbered 1, 2, 3… in order");
                }

                if (string.IsNullOrWhiteSpace(training.Sessions[i].Es) || string.IsNullOrWhiteSpace(training.Sessions[i].En))
                {
                    file.Error($"$.training.sessions[{i}]", "needs its name in Spanish (es) and English (en)");
                }
            }
        }

        if (about.Survey is { } survey)
        {
            CheckSurveyItems(file, "$.survey.questions", survey.Questions, 1, 30, "questions");
            CheckSurveyItems(file, "$.survey.scale", survey.Scale, 2, 11, "options");
        }
    }

    private static void CheckSurveyItems(FileReader.FileErrors file, string path, SurveyItemDto[] items, int min, int max, string what)
    {
        if (items.Length < min || items.Length > max)
        {
            file.Error(path, $"needs {min}–{max} {what}");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Length; i++)
        {
            var code = items[i].Code;
            if (string.IsNullOrWhiteSpace(code) || code.Length > 32 || code.Contains(':', StringComparison.Ordinal) || code.Any(char.IsWhiteSpace))
            {
                file.Error($"{path}[{i}].code", "is required: 1–32 characters, no spaces and no ':' (it names the CSV column Q:<question>:<answer>)");
            }
            else if (!seen.Add(code))
            {
                file.Error($"{path}[{i}].code", $"'{code}' is repeated");
            }

            if (string.IsNullOrWhiteSpace(items[i].Es) || string.IsNullOrWhiteSpace(items[i].En))
            {
                file.Error($"{path}[{i}]", "needs its wording in Spanish (es) and English (en)");
            }
        }
    }

    /// <summary>"11-16" as 16 November (any year: 02-29 is taken, and falls on 28 February in other years).</summary>
    private static MonthDay? ParseMonthDay(string text) =>
        text.Length == 5 && text[2] == '-' && int.TryParse(text.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            && int.TryParse(text.AsSpan(3, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2028, month)
            ? new MonthDay(month, day) : null;

    private static ClassificationDto CheckClassification(ClassificationDto classification, FileReader reader)
    {
        var file = reader.At(ClassificationFile);
        Unique(classification.Categories.Select(c => c.Code).ToArray(), "categories", "code", file);
        Unique(classification.StaffRoles.Select(r => r.Code).ToArray(), "staffRoles", "code", file);
        for (var i = 0; i < classification.Categories.Length; i++)
        {
            var c = classification.Categories[i];
            if (!CaseEventParser.CodePattern().IsMatch(c.Code))
            {
                file.Error($"$.categories[{i}].code", "must be a code (letters, digits, '-', '_', '.')");
            }

            if (string.IsNullOrWhiteSpace(c.Es) || string.IsNullOrWhiteSpace(c.En))
            {
                file.Error($"$.categories[{i}]", "needs its name in Spanish (es) and English (en)");
            }
        }

        if (classification.Categories.All(c => c.Code != ClassificationCatalogue.Mistreatment))
        {
            file.Error("$.categories", $"must have the '{ClassificationCatalogue.Mistreatment}' category (the committees watch mistreatment in every institution)");
        }

        return classification;
    }

    private static SlaPolicy[] CheckPolicies(PoliciesDto file, FileReader reader)
    {
        var at = reader.At(PoliciesFile);
        if (file.WarningPercent is <= 0 or >= 100)
        {
            at.Error("$.warningPercent", "must be between 1 and 99");
        }

        Unique(file.Policies.Select(p => p.Name).ToArray(), "policies", "name", at);
        var policies = new List<SlaPolicy>();
        for (var i = 0; i < file.Policies.Length; i++)
        {
            var p = file.Policies[i];
            var first = p.FirstResponse is null ? null : Target(p.FirstResponse, $"$.policies[{i}].firstResponse", at);
            var resolution = p.Resolution is null ? null : Target(p.Resolution, $"$.policies[{i}].resolution", at);
            if (p.WarningPercent is <= 0 or >= 100)
            {
                at.Error($"$.policies[{i}].warningPercent", "must be between 1 and 99");
            }

            policies.Add(new SlaPolicy(p.Name, p.Kind, p.Priority, p.Complex, first, resolution, p.WarningPercent ?? file.WarningPercent, p.Why, p.Basis) { Title = p.Title });
        }

        // Every case must find a policy, or its clocks would never start.
        var set = new SlaPolicySet(default, policies);
        foreach (var kind in Enum.GetValues<CaseKind>())
        {
            foreach (var priority in Enum.GetValues<Priority>())
            {
                foreach (var complex in (bool[])[false, true])
                {
                    if (set.Find(kind, priority, complex) is null)
                    {
                        at.Error("$.policies", $"no policy covers a {(complex ? "complex" : "simple")} {kind} of priority {priority}: add one (the last policy usually matches anything)");
                        return [.. policies];
                    }
                }
            }
        }

        return [.. policies];
    }

    private static SlaTarget? Target(TargetDto t, string path, FileReader.FileErrors at)
    {
        if (t.BusinessDays is { } days)
        {
            if (days is > 0 and <= 366 && t.Minutes is null && t.Hours is null && t.Clock is null or TargetClock.BusinessDays)
            {
                return SlaTarget.Days(days);
            }

            at.Error(path, "businessDays must be 1–366 and alone");
            return null;
        }

        var duration = TimeSpan.FromMinutes(t.Minutes ?? 0) + TimeSpan.FromHours(t.Hours ?? 0);
        if (duration > TimeSpan.Zero && duration <= TimeSpan.FromDays(366) && t.Clock is not TargetClock.BusinessDays && t.Minutes is not < 0 && t.Hours is not < 0)
        {
            return new SlaTarget(t.Clock ?? TargetClock.Business, duration);
        }

        at.Error(path, "a target needs positive minutes or hours (or businessDays alone)");
        return null;
    }

    private static EscalationRule[] CheckEscalation(EscalationDto file, ClassificationDto classification, FileReader reader)
    {
        var at = reader.At(EscalationFile);
        Unique(file.Rules.Select(r => r.Name).ToArray(), "rules", "name", at);
        var rules = new List<EscalationRule>();
        for (var i = 0; i < file.Rules.Length; i++)
        {
            var r = file.Rules[i];
            var path = $"$.rules[{i}]";
            if (string.IsNullOrWhiteSpace(r.Name))
            {
                at.Error($"{path}.name", "is required");
            }

            if (r.Steps.Length == 0)
            {
                at.Error($"{path}.steps", "needs at least one step");
            }

            for (var s = 0; s < r.Steps.Length; s++)
            {
                if (r.Steps[s].Level is < 1 or > 3)
                {
                    at.Error($"{path}.steps[{s}].level", "must be 1 (unit director), 2 (regional or UMAE committee) or 3 (central)");
                }

                if (r.Steps[s].AfterBusinessDays is < 0 or > 60)
                {
                    at.Error($"{path}.steps[{s}].afterBusinessDays", "must be 0–60");
                }
            }

            if (r.Steps.DistinctBy(s => s.Level).Count() != r.Steps.Length)
            {
                at.Error($"{path}.steps", "names a level twice");
            }

            var categories = r.Categories ?? [];
            for (var c = 0; c < categories.Length; c++)
            {
                if (classification.Categories.All(k => k.Code != categories[c]))
                {
                    at.Error($"{path}.categories[{c}]", $"'{categories[c]}' is not a category of {ClassificationFile}");
                }
            }

            var roles = r.StaffRoles ?? [];
            for (var c = 0; c < roles.Length; c++)
            {
                if (classification.StaffRoles.All(k => k.Code != roles[c]))
                {
                    at.Error($"{path}.staffRoles[{c}]", $"'{roles[c]}' is not a staff role of {ClassificationFile}");
                }
            }

            if (r.RepeatWithinDays is < 1 or > 365)
            {
                at.Error($"{path}.repeatWithinDays", "must be 1–365 (days between two complaints against the same staff role at the same unit)");
            }

            if (r.RepeatWithinDays is not null && r.Kinds is { Length: > 0 } kinds && !kinds.Contains(CaseKind.Complaint))
            {
                at.Error($"{path}.kinds", "a repeat rule watches complaints: include Complaint or leave kinds out");
            }

            rules.Add(new EscalationRule(r.Name, r.Steps.Select(s => new EscalationStep(s.Level, s.AfterBusinessDays)).ToArray())
            {
                RepeatWithinDays = r.RepeatWithinDays,
                Why = r.Why,
                Kinds = r.Kinds ?? [],
                Categories = categories,
                Priorities = r.Priorities ?? [],
                Complex = r.Complex,
                StaffRoles = roles,
            });
        }

        return [.. rules];
    }

    private static void CheckHolidays(HolidaysDto file, FileReader reader)
    {
        var at = reader.At(HolidaysFile);
        for (var i = 0; i < file.Rules.Length; i++)
        {
            if (file.Rules[i].Problem() is { } problem)
            {
                at.Error($"$.rules[{i}]", problem);
            }
        }

        var days = file.Days ?? [];
        for (var i = 0; i < days.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(days[i].Name))
            {
                at.Error($"$.days[{i}].name", "is required");
            }
        }
    }

    private static void CheckVocabulary(Dictionary<string, Dictionary<string, string>> vocabulary, FileReader reader)
    {
        var at = reader.At(VocabularyFile);
        foreach (var (language, words) in vocabulary)
        {
            if (!Language().IsMatch(language))
            {
                at.Error($"$.{language}", "must be a language (es, en) or a language and country (es-PE)");
            }

            foreach (var (key, word) in words.Where(w => string.IsNullOrWhiteSpace(w.Value)))
            {
                at.Error($"$.{language}.{key}", "is empty");
            }
        }
    }

    private static void Unique(string[] values, string list, string field, FileReader.FileErrors at)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            if (!seen.Add(values[i]))
            {
                at.Error($"$.{list}[{i}].{field}", $"'{values[i]}' appears twice");
            }
        }
    }

    /// <summary>Reads a profile's files, turning every parse error into a <see cref="ProfileError"/> with its line.</summary>
    private sealed class FileReader(string name, string folder, List<ProfileError> errors)
    {
        private readonly Dictionary<string, byte[]> _bytes = [];

        public T? Read<T>(string file)
            where T : class
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                errors.Add(new($"{name}/{file}", null, "", "is missing"));
                return null;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new($"{name}/{file}", null, "", $"cannot be read: {e.Message}"));
                return null;
            }

            _bytes[file] = bytes;
            try
            {
                var value = JsonSerializer.Deserialize<T>(bytes, Json);
                if (value is null)
                {
                    errors.Add(new($"{name}/{file}", 1, "", "is empty"));
                }

                return value;
            }
            catch (JsonException e)
            {
                errors.Add(new($"{name}/{file}", e.LineNumber is { } line ? (int)line + 1 : null, JsonLines.Field(e.Path), Plain(e)));
                return null;
            }
        }

        public FileErrors At(string file) => new(this, file);

        private static string Plain(JsonException e)
        {
            // The serializer's message repeats the path and line this error already names; keep what it says is wrong.
            var message = e.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            return cut > 0 ? message[..cut] : message;
        }

        public readonly struct FileErrors(FileReader reader, string file)
        {
            public void Error(string path, string message) =>
                reader.Add(file, path, message);
        }

        private void Add(string file, string path, string message) =>
            errors.Add(new($"{name}/{file}", _bytes.TryGetValue(file, out var bytes) ? JsonLines.LineOf(bytes, path) : null, JsonLines.Field(path), message));
    }

    private sealed record ProfileDto(
        string Code, string Name, string Country, string TimeZone, InsuredIdDto InsuredId, string? FullName = null, int ListOrder = 100, TrainingDto? Training = null,
        string? RecognitionDay = null, SurveyDto? Survey = null);

    private sealed record SurveyDto(SurveyItemDto[] Questions, SurveyItemDto[] Scale);

    private sealed record SurveyItemDto(string Code, string Es, string En);

    private sealed record TrainingDto(int CertificationMonths, int RenewalNoticeDays, TrainingSessionDto[] Sessions, string? Course = null);

    private sealed record TrainingSessionDto(int Number, string Es, string En);

    private sealed record InsuredIdDto(string Name, int Digits, CheckDigit CheckDigit = CheckDigit.None);

    private sealed record ClassificationDto(CaseCategory[] Categories, StaffRole[] StaffRoles);

    private sealed record PoliciesDto(int WarningPercent, PolicyDto[] Policies);

    private sealed record PolicyDto(
        string Name, string Why, CaseKind? Kind = null, Priority? Priority = null, bool? Complex = null, TargetDto? FirstResponse = null,
        TargetDto? Resolution = null, int? WarningPercent = null, string? Basis = null, string? Title = null);

    private sealed record TargetDto(int? Minutes = null, int? Hours = null, int? BusinessDays = null, TargetClock? Clock = null);

    private sealed record EscalationDto(RuleDto[] Rules);

    private sealed record RuleDto(
        string Name, StepDto[] Steps, string? Why = null, CaseKind[]? Kinds = null, string[]? Categories = null, Priority[]? Priorities = null,
        bool? Complex = null, string[]? StaffRoles = null, int? RepeatWithinDays = null);

    private sealed record StepDto(int Level, int AfterBusinessDays);

    private sealed record HolidaysDto(HolidayRule[] Rules, string? Basis = null, DayDto[]? Days = null);

    private sealed record DayDto(DateOnly Date, string Name);
}
