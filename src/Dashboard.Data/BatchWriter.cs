using System.Buffers;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Data;

/// <summary>
/// Runs one statement for many rows inside the caller's transaction, binding each row's properties to the
/// statement's <c>@Name</c> parameters. Appends are the hot path, so each provider writes its fastest way.
/// </summary>
public abstract partial class BatchWriter
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo[]> Properties = new();

    public abstract Task ExecuteAsync<T>(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyCollection<T> rows, CancellationToken cancellationToken);

    /// <summary>The statement's parameter names, each with the row property that feeds it.</summary>
    protected static PropertyInfo[] PropertiesOf(Type type, string sql) => Properties.GetOrAdd((type, sql), static key =>
        ParameterName().Matches(key.Item2).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)
            .Select(name => key.Item1.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{key.Item1.Name} has no property for @{name}"))
            .ToArray());

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex ParameterName();
}

/// <summary>
/// Any ADO.NET provider. Where the provider can batch (SQL Server), up to <see cref="RowsPerRoundTrip"/> rows travel
/// as one <see cref="DbBatch"/>: one network round trip instead of one per row. Otherwise one prepared command with
/// its parameters re-bound per row.
/// </summary>
public sealed class DbCommandBatchWriter : BatchWriter
{
    public const int RowsPerRoundTrip = 500;

    public override async Task ExecuteAsync<T>(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var properties = PropertiesOf(typeof(T), sql);
        if (connection.CanCreateBatch)
        {
            foreach (var chunk in rows.Chunk(RowsPerRoundTrip))
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var row in chunk)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = sql;
                    foreach (var property in properties)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = "@" + property.Name;
                        Bind(parameter, property.GetValue(row));
                        command.Parameters.Add(parameter);
                    }

                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        await using var single = connection.CreateCommand();
        single.Transaction = transaction;
        single.CommandText = sql;
        var parameters = properties.Select(p =>
        {
            var parameter = single.CreateParameter();
            parameter.ParameterName = "@" + p.Name;
            single.Parameters.Add(parameter);
            return parameter;
        }).ToArray();

        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                Bind(parameters[i], properties[i].GetValue(row));
            }

            await single.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>As Dapper's handlers in <see cref="DapperSetup"/> bind them: instants as UTC, ids as GUIDs.</summary>
    private static void Bind(DbParameter parameter, object? value)
    {
        switch (value)
        {
            case null:
                parameter.Value = DBNull.Value;
                break;
            case DateTimeOffset instant:
                parameter.DbType = DbType.DateTime2;
                parameter.Value = instant.UtcDateTime;
                break;
            case Guid id:
                parameter.DbType = DbType.Guid;
                parameter.Value = id;
                break;
            default:
                parameter.Value = value;
                break;
        }
    }
}

/// <summary>
/// SQLite through its own API: the statement is prepared once per call, and each row is bound by position through a
/// binder compiled once per row type and statement, so no value is boxed or looked up by name. Microsoft.Data.Sqlite
/// finds every parameter by name on every execution, which costs more than the insert itself. Values are stored
/// exactly as Microsoft.Data.Sqlite stores them, so the two paths read back alike (UTC text instants, GUIDs as
/// upper-case text, booleans as 0/1).
/// </summary>
public sealed class SqliteBatchWriter : BatchWriter
{
    private static readonly ConcurrentDictionary<(Type, string), Delegate> Binders = new();

    public override Task ExecuteAsync<T>(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var db = ((SqliteConnection)connection).Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            var bind = (Func<sqlite3_stmt, T, int>)Binders.GetOrAdd((typeof(T), sql), static (key, statement) => CompileBinder<T>(statement, key.Item2), statement);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Check(db, bind(statement, row));
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(db, step);
                }

                raw.sqlite3_reset(statement);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary><c>(statement, row) => Bind(statement, 1, row.A) | Bind(statement, 2, row.B) | …</c>: zero when every bind succeeded.</summary>
    private static Func<sqlite3_stmt, T, int> CompileBinder<T>(sqlite3_stmt statement, string sql)
    {
        var statementParameter = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var rowParameter = Expression.Parameter(typeof(T), "row");
        Expression body = Expression.Constant(raw.SQLITE_OK);
        foreach (var property in PropertiesOf(typeof(T), sql))
        {
            var position = raw.sqlite3_bind_parameter_index(statement, "@" + property.Name);
            var bind = typeof(SqliteBatchWriter).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static, [typeof(sqlite3_stmt), typeof(int), property.PropertyType])
                ?? throw new NotSupportedException($"no SQLite binding for {property.PropertyType.Name} ({typeof(T).Name}.{property.Name})");
            body = Expression.Or(body, Expression.Call(bind, statementParameter, Expression.Constant(position), Expression.Property(rowParameter, property)));
        }

        return Expression.Lambda<Func<sqlite3_stmt, T, int>>(body, statementParameter, rowParameter).Compile();
    }

    private static int Bind(sqlite3_stmt statement, int position, string? text) =>
        text is null ? raw.sqlite3_bind_null(statement, position) : BindUtf8(statement, position, text);

    /// <summary>
    /// Text goes to SQLite as UTF-8, its own encoding: bound as UTF-16 it would be converted again inside SQLite, in
    /// a buffer allocated for each value.
    /// </summary>
    private static int BindUtf8(sqlite3_stmt statement, int position, ReadOnlySpan<char> text)
    {
        const int OnStack = 1024;
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        // Sized to the value: a stack buffer is zeroed, and most values are a few bytes.
        var buffer = most <= OnStack ? stackalloc byte[most] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            return raw.sqlite3_bind_text(statement, position, buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int Bind(sqlite3_stmt statement, int position, long number) => raw.sqlite3_bind_int64(statement, position, number);

    private static int Bind(sqlite3_stmt statement, int position, int number) => raw.sqlite3_bind_int64(statement, position, number);

    private static int Bind(sqlite3_stmt statement, int position, bool flag) => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0);

    private static int Bind(sqlite3_stmt statement, int position, Guid id)
    {
        Span<char> lower = stackalloc char[36];
        Span<char> upper = stackalloc char[36];
        id.TryFormat(lower, out _, "D");
        lower.ToUpperInvariant(upper);
        return BindUtf8(statement, position, upper);
    }

    private static int Bind(sqlite3_stmt statement, int position, DateTimeOffset instant)
    {
        Span<char> text = stackalloc char[32];
        return BindUtf8(statement, position, text[..StoredInstant.Write(instant.UtcDateTime, text)]);
    }

    private static int Bind(sqlite3_stmt statement, int position, DateTimeOffset? instant) =>
        instant is { } value ? Bind(statement, position, value) : raw.sqlite3_bind_null(statement, position);

    private static void Check(sqlite3 db, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }
    }
}
