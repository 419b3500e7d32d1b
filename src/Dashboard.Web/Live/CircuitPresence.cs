using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Web.Live;

/// <summary>
/// Whether this circuit's browser is connected (one per circuit). A live page does not redraw for a browser that is
/// gone: the render would only end in MudBlazor's JS calls failing with JSDisconnectedException (logged as a circuit
/// failure each time a page was closed) and costs work for nobody while the circuit waits to be reclaimed. When the
/// browser comes back, what was skipped is read once.
/// </summary>
public sealed class CircuitPresence
{
    private readonly Lock _lock = new();
    private List<Action> _onReconnected = [];

    public bool IsConnected { get; private set; } = true;

    /// <summary>Runs <paramref name="action"/> once, when the browser reconnects.</summary>
    public void WhenReconnected(Action action)
    {
        lock (_lock)
        {
            _onReconnected.Add(action);
        }
    }

    public void ConnectionDown() => IsConnected = false;

    public void ConnectionUp()
    {
        IsConnected = true;
        List<Action> waiting;
        lock (_lock)
        {
            waiting = _onReconnected;
            _onReconnected = [];
        }

        foreach (var action in waiting)
        {
            action();
        }
    }
}

/// <summary>Tells the circuit's <see cref="CircuitPresence"/> when its browser goes and comes back.</summary>
public sealed class CircuitPresenceHandler(CircuitPresence presence) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.ConnectionDown();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.ConnectionUp();
        return Task.CompletedTask;
    }
}
