using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
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

/// <summary>Any ADO.NET provider: one prepared command, parameters re-bound per row.</summary>
public sealed class DbCommandBatchWriter : BatchWriter
{
    public override async Task ExecuteAsync<T>(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var properties = PropertiesOf(typeof(T), sql);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = properties.Select(p =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + p.Name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();

        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                Bind(parameters[i], properties[i].GetValue(row));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
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
/// SQLite through its own API: the statement is prepared once, parameter positions are found once, and each row
/// is bound by position. Microsoft.Data.Sqlite looks every parameter up by name on every execution, which costs
/// more than the insert itself. Values are stored exactly as Microsoft.Data.Sqlite stores them, so the two paths
/// read back alike (UTC text instants, GUIDs as upper-case text, booleans as 0/1).
/// </summary>
public sealed class SqliteBatchWriter : BatchWriter
{
    public override Task ExecuteAsync<T>(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var db = ((SqliteConnection)connection).Handle!;
        var properties = PropertiesOf(typeof(T), sql);
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            var positions = properties.Select(p => raw.sqlite3_bind_parameter_index(statement, "@" + p.Name)).ToArray();
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < properties.Length; i++)
                {
                    Check(db, Bind(statement, positions[i], properties[i].GetValue(row)));
                }

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

    private static int Bind(sqlite3_stmt statement, int position, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, position),
        string text => raw.sqlite3_bind_text(statement, position, text),
        long number => raw.sqlite3_bind_int64(statement, position, number),
        int number => raw.sqlite3_bind_int64(statement, position, number),
        bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
        Guid id => raw.sqlite3_bind_text(statement, position, id.ToString("D").ToUpperInvariant()),
        DateTimeOffset instant => raw.sqlite3_bind_text(statement, position,
            instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"no SQLite binding for {value.GetType().Name}"),
    };

    private static void Check(sqlite3 db, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }
    }
}
