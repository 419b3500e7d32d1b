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
            string s => new DateTimeOffset(DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero),
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
