namespace Dashboard.Core.Catalogue;

/// <summary>The insured person's identifier as each institution issues it.</summary>
public static class InsuredIdFormat
{
    /// <summary>Null when the identifier has the institution's format, else what is wrong with it.</summary>
    public static string? Check(Institution institution, string insuredId)
    {
        ArgumentNullException.ThrowIfNull(insuredId);
        var (digits, name) = institution switch
        {
            Institution.Imss => (11, "an NSS of 11 digits"),
            Institution.EsSalud => (8, "a DNI of 8 digits"),
            _ => (0, "an identifier"),
        };

        return insuredId.Length == digits && insuredId.All(char.IsAsciiDigit)
            ? null
            : $"must be {name} for {institution}";
    }

    /// <summary>Only the last 4 digits stay visible, so a case can be told apart without exposing the person.</summary>
    public static string Mask(string insuredId)
    {
        ArgumentNullException.ThrowIfNull(insuredId);
        // "*******8901": enough for a person to recognise their own case on the phone, not enough to identify anyone.
        return insuredId.Length <= 4 ? new string('*', insuredId.Length) : new string('*', insuredId.Length - 4) + insuredId[^4..];
    }
}
