using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>"Mal trato por área": a unit's or region's complaints by the staff role they are about.</summary>
public interface IStaffRoleReader
{
    /// <summary>
    /// The cases the filter matches within the scope, opened in its period (<see cref="CaseFilter.OpenedFrom"/> to
    /// <see cref="CaseFilter.OpenedTo"/>, both required), per staff role: all of them, and those of the mistreatment
    /// category. Most cases first; cases without a staff role come as one row with a null role.
    /// </summary>
    Task<IReadOnlyList<StaffRoleCount>> ReadCountsByStaffRoleAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default);

    /// <summary>
    /// Complaints (kind Complaint, whatever the filter says) opened per staff role and local day of the filter's period (both ends
    /// required), so a page can bucket them into weeks or months for each role's trend. Days without complaints are absent.
    /// </summary>
    Task<IReadOnlyList<StaffRoleDay>> ReadComplaintsPerStaffRoleDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default);
}

/// <summary>Complaints about one staff role (null: not specified) opened on one local day.</summary>
public sealed record StaffRoleDay(string? StaffRole, DateOnly Day, int Complaints);

/// <summary>Cases about one staff role (null: not specified), and how many of them are mistreatment.</summary>
public sealed record StaffRoleCount(string? StaffRole, int Cases, int Mistreatment);
