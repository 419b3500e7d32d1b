namespace Dashboard.Core.Catalogue;

/// <summary>The insured person's identifier as each institution issues it.</summary>
public static class InsuredIdFormat
{
    /// <summary>How many digits the institution's identifier has: NSS 11, DNI 8.</summary>
    public static int Length(Institution institution) => institution == Institution.EsSalud ? 8 : 11;

    /// <summary>
    /// Null when the identifier has the institution's format, else what is wrong with it. An IMSS NSS ends in a check
    /// digit (Luhn, over its first ten digits), so a mistyped digit is caught where it is typed, not at the callback.
    /// </summary>
    public static string? Check(Institution institution, string insuredId)
    {
        ArgumentNullException.ThrowIfNull(insuredId);
        var (digits, name) = institution switch
        {
            Institution.Imss => (11, "an NSS of 11 digits"),
            Institution.EsSalud => (8, "a DNI of 8 digits"),
            _ => (0, "an identifier"),
        };

        if (insuredId.Length != digits || !insuredId.All(char.IsAsciiDigit))
        {
            return $"must be {name} for {institution}";
        }

        return institution == Institution.Imss && LuhnCheckDigit(insuredId.AsSpan(0, 10)) != insuredId[10] - '0'
            ? "the NSS's last digit (its check digit) does not match the first ten: a digit is mistyped"
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
