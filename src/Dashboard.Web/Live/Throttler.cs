namespace Dashboard.Web.Live;

/// <summary>
/// Coalesces bursts of signals into at most one run per interval (a board redraws about 4 times a second,
/// not once per event). Runs on the thread pool; the action marshals onto its circuit itself.
/// </summary>
public sealed class Throttler : IDisposable
{
    private readonly Func<Task> _action;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _scheduled;
    private bool _pending;
    private bool _running;
    private bool _disposed;
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;

    public Throttler(TimeSpan interval, Func<Task> action, TimeProvider? time = null)
    {
        _interval = interval;
        _action = action;
        _time = time ?? TimeProvider.System;
    }

    public void Signal()
    {
        ITimer timer;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _pending = true;
            if (_running || _scheduled)
            {
                return;
            }

            _scheduled = true;
            var wait = _lastRun + _interval - _time.GetUtcNow();
            timer = _time.CreateTimer(_ => _ = RunAsync(), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            if (_scheduled)
            {
                _timer = timer;
                return;
            }
        }

        // A fake clock (tests) fires a timer that is already due inside CreateTimer, on this thread: it has run.
        timer.Dispose();
    }

    private async Task RunAsync()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
            _scheduled = false;
            if (_disposed || !_pending)
            {
                return;
            }

            _pending = false;
            _running = true;
        }

        try
        {
            await _action();
        }
        finally
        {
            bool again;
            lock (_lock)
            {
                _running = false;
                _lastRun = _time.GetUtcNow();
                again = _pending;
            }

            if (again)
            {
                Signal();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
