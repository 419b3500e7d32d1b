namespace Dashboard.Core.Staff;

/// <summary>One session of an institution's Buen Trato course, numbered from 1, with its name in Spanish and English.</summary>
public sealed record TrainingSession(int Number, string Es, string En);

/// <summary>Where a person's Buen Trato certification stands on a given day.</summary>
public enum CertificationStatus
{
    /// <summary>Never certified.</summary>
    None,

    /// <summary>Valid, and not expiring within the renewal notice.</summary>
    Current,

    /// <summary>Still valid, but it expires within the renewal notice (60 days as shipped): the renewal is due.</summary>
    RenewalDue,

    /// <summary>Its expiry day has passed.</summary>
    Expired,
}

/// <summary>
/// An institution's Buen Trato certification and training course, from its profile (<c>training</c> in
/// <c>profile.json</c>): how long a certification is valid, how long before its expiry the renewal is due, and the
/// sessions of the course (EsSalud trains its Atención al Asegurado workers in six weekly sessions).
/// </summary>
public sealed record TrainingProgramme(int CertificationMonths, int RenewalNoticeDays, IReadOnlyList<TrainingSession> Sessions)
{
    /// <summary>A profile without a <c>training</c> section: a two-year certification, due 60 days ahead, one session.</summary>
    public static TrainingProgramme Default { get; } = new(24, 60, [new TrainingSession(1, "Protocolo de Buen Trato", "Good treatment protocol")]);

    /// <summary>The course's name as the institution calls it, when the profile gives one.</summary>
    public string? Course { get; init; }

    public int SessionCount => Sessions.Count;

    /// <summary>The expiry day of a certification given on <paramref name="certifiedOn"/> when the file does not say: so many months later.</summary>
    public DateOnly ExpiryOf(DateOnly certifiedOn) => certifiedOn.AddMonths(CertificationMonths);

    /// <summary>
    /// The status on <paramref name="today"/> of a certification expiring on <paramref name="expiresOn"/> (valid
    /// through that day): expired the day after; renewal due from <see cref="RenewalNoticeDays"/> days before; none without one.
    /// </summary>
    public CertificationStatus StatusOf(DateOnly? expiresOn, DateOnly today) => expiresOn switch
    {
        null => CertificationStatus.None,
        { } last when last < today => CertificationStatus.Expired,
        { } last when last <= today.AddDays(RenewalNoticeDays) => CertificationStatus.RenewalDue,
        _ => CertificationStatus.Current,
    };

    /// <summary>The course's sessions not among <paramref name="attended"/>, in order.</summary>
    public IReadOnlyList<TrainingSession> MissingSessions(IEnumerable<int> attended)
    {
        ArgumentNullException.ThrowIfNull(attended);
        var seen = attended.ToHashSet();
        return Sessions.Where(s => !seen.Contains(s.Number)).ToArray();
    }

    /// <summary>Every session of the course attended.</summary>
    public bool IsComplete(IEnumerable<int> attended) => MissingSessions(attended).Count == 0;
}
