// Starts Blazor with a circuit that keeps trying to come back (a wall runs for weeks, unattended), and drives the
// wall's offline banner: the last good numbers stay on screen under "sin conexión desde HH:MM" while the server is
// away; when it returns without our circuit (a restart, a new version) the page reloads itself and catches up.
(() => {
    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: 1000000,
                retryIntervalMilliseconds: previousAttempts => Math.min(1000 * (previousAttempts + 1), 10000),
            },
        },
    });

    const banner = () => document.getElementById('components-reconnect-modal');
    let retrying;

    async function retry() {
        try {
            // true: reconnected; false: the server is back but our circuit is gone.
            if (await Blazor.reconnect()) {
                clearInterval(retrying);
            } else {
                location.reload();
            }
        } catch {
            // still unreachable: try again on the next tick
        }
    }

    document.addEventListener('components-reconnect-state-changed', event => {
        const element = banner();
        if (!element) {
            return;
        }

        const state = event.detail.state;
        if (state === 'hide') {
            clearInterval(retrying);
            element.hidden = true;
        } else if (state === 'rejected') {
            location.reload();
        } else {
            if (element.hidden) {
                element.querySelector('[data-since]').textContent = element.dataset.lastGood || '';
                element.hidden = false;
            }
            if (state === 'failed' && !retrying) {
                retrying = setInterval(retry, 5000);
            }
        }
    }, true);
})();
