namespace Dashboard.Core.Profiles;

/// <summary>What is wrong in a profile file, where: "imss/escalation.json:14 rules[2].categories[0]: …".</summary>
public sealed record ProfileError(string File, int? Line, string Field, string Message)
{
    public override string ToString() =>
        $"{File}{(Line is { } line ? $":{line}" : "")}{(Field.Length > 0 ? $" {Field}" : "")}: {Message}";
}

/// <summary>A folder of profiles read: the profiles when every file is valid, otherwise every error found.</summary>
public sealed record ProfileLoadResult(InstitutionProfiles? Profiles, IReadOnlyList<ProfileError> Errors)
{
    public InstitutionProfiles OrThrow() => Profiles
        ?? throw new InvalidOperationException($"The institution profiles are not valid:{Environment.NewLine}{string.Join(Environment.NewLine, Errors)}");
}
