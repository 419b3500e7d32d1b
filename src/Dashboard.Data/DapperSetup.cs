using System.Data;
using System.Globalization;
using Dapper;

namespace Dashboard.Data;

/// <summary>The one place Dapper's type handling is set: times are UTC, ids are GUIDs, on both providers.</summary>
public static class DapperSetup
{
    private static int _done;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new GuidHandler());
    }

    /// <summary>Stores every instant as UTC (SQLite text sorts in time order; SQL Server datetime2) and reads it back as UTC.</summary>
    private sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.DateTime2;
            parameter.Value = value.UtcDateTime;
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            string s => StoredInstant.Parse(s),
            DateTimeOffset dto => dto.ToUniversalTime(),
            _ => throw new DataException($"cannot read {value.GetType()} as a time"),
        };
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            parameter.DbType = DbType.Guid;
            parameter.Value = value;
        }

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            byte[] b => new Guid(b),
            string s => Guid.Parse(s),
            _ => throw new DataException($"cannot read {value.GetType()} as a GUID"),
        };
    }
}

/// <summary>
/// Reads the one text form instants are stored in (<c>yyyy-MM-dd HH:mm:ss</c> and up to seven fraction digits, UTC)
/// digit by digit: the general parser costs about a microsecond, and a case row carries a dozen instants.
/// </summary>
internal static class StoredInstant
{
    /// <summary>How Microsoft.Data.Sqlite writes a UTC instant; the SQLite batch writer writes the same.</summary>
    public const string Format = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>The stored form, or any other text form of a time SQLite may hold (read as UTC).</summary>
    public static DateTimeOffset Parse(string s) => new(TryParse(s, out var utc) ? utc
        : DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);

    /// <summary>
    /// Writes <paramref name="utc"/> as <see cref="Format"/> does (fraction digits without trailing zeros, no point
    /// when there is no fraction), digit by digit: the general formatter costs more than the rest of a row's binding.
    /// </summary>
    public static int Write(DateTime utc, Span<char> text)
    {
        Digits(text, 0, 4, utc.Year);
        text[4] = '-';
        Digits(text, 5, 2, utc.Month);
        text[7] = '-';
        Digits(text, 8, 2, utc.Day);
        text[10] = ' ';
        Digits(text, 11, 2, utc.Hour);
        text[13] = ':';
        Digits(text, 14, 2, utc.Minute);
        text[16] = ':';
        Digits(text, 17, 2, utc.Second);
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }

        var digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        text[19] = '.';
        Digits(text, 20, digits, fraction);
        return 20 + digits;
    }

    private static void Digits(Span<char> text, int start, int count, int value)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    public static bool TryParse(ReadOnlySpan<char> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        long fractionTicks = 0;
        if (s.Length > 19)
        {
            var digits = s.Length - 20;
            if (s[19] != '.' || digits is < 1 or > 7 || !Digits(s, 20, digits, out var fraction))
            {
                return false;
            }

            fractionTicks = fraction;
            for (var i = digits; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
