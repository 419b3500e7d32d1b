using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Hangfire keeps one log provider for the whole process (<see cref="LogProvider"/> is static): the one of the host that
/// configured it last. When that host stops, its logger factory is disposed, and another host's next job client or
/// worker failed with ObjectDisposedException — one process runs many hosts in the tests. A stopped host's logs go
/// nowhere instead; a deployment runs one host per process and is unaffected.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return SafeLog.Nowhere;
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public static readonly SafeLog Nowhere = new(null);

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception exception)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
