namespace Dashboard.Core.Catalogue;

/// <summary>The insured person's identifier as each institution issues it.</summary>
public static class InsuredIdFormat
{
    /// <summary>How many digits the institution's identifier has (NSS 11, DNI 8), from its profile.</summary>
    public static int Length(Institution institution) => Profiles.InstitutionProfiles.Current[institution].InsuredId.Digits;

    /// <summary>
    /// Null when the identifier has the institution's format, else what is wrong with it. An identifier with a check
    /// digit (the IMSS NSS: Luhn over its first ten digits) is checked where it is typed, not at the callback.
    /// </summary>
    public static string? Check(Institution institution, string insuredId)
    {
        ArgumentNullException.ThrowIfNull(insuredId);
        var rule = Profiles.InstitutionProfiles.Current.Find(institution)?.InsuredId;
        if (rule is null)
        {
            return $"cannot be checked: no profile for {institution}";
        }

        if (insuredId.Length != rule.Digits || !insuredId.All(char.IsAsciiDigit))
        {
            return $"must be a {rule.Name} of {rule.Digits} digits ({institution})";
        }

        return rule.CheckDigit == Profiles.CheckDigit.Luhn && LuhnCheckDigit(insuredId.AsSpan(0, rule.Digits - 1)) != insuredId[^1] - '0'
            ? $"the {rule.Name}'s last digit (its check digit) does not match the first {rule.Digits - 1}: a digit is mistyped"
            : null;
    }

    /// <summary>The Luhn check digit of <paramref name="digits"/> (ASCII digits only).</summary>
    public static int LuhnCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // From the right, every other digit (starting with the last) is doubled.
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Only the last 4 digits stay visible, so a case can be told apart without exposing the person.</summary>
    public static string Mask(string insuredId)
    {
        ArgumentNullException.ThrowIfNull(insuredId);
        // "*******8903": enough for a person to recognise their own case on the phone, not enough to identify anyone.
        return insuredId.Length <= 4 ? new string('*', insuredId.Length) : new string('*', insuredId.Length - 4) + insuredId[^4..];
    }
}
