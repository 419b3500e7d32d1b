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

// The wall's "próximos a vencer" count down every second between server renders. The server's clock, not the TV's,
// decides: each countdown carries the server time it was drawn at, and the page keeps the offset to its own clock.
(() => {
    const words = {
        es: { now: 'vence ya', min: m => `${m} min`, hm: (h, m) => `${h} h ${String(m).padStart(2, '0')}`, dh: (d, h) => `${d} d ${h} h` },
        en: { now: 'due now', min: m => `${m} min`, hm: (h, m) => `${h} h ${String(m).padStart(2, '0')}`, dh: (d, h) => `${d} d ${h} h` },
    };

    function format(ms) {
        const w = words[(document.documentElement.lang || 'es').slice(0, 2)] || words.es;
        if (ms <= 0) return w.now;
        const minutes = Math.ceil(ms / 60000);
        if (minutes < 60) return w.min(minutes);
        const hours = Math.floor(minutes / 60);
        if (hours < 24) return w.hm(hours, minutes % 60);
        return w.dh(Math.floor(hours / 24), hours % 24);
    }

    setInterval(() => {
        for (const element of document.querySelectorAll('[data-due]')) {
            const drawnAt = Number(element.dataset.serverNow);
            if (!element.dataset.clientNow || element.dataset.drawnAt !== element.dataset.serverNow) {
                element.dataset.clientNow = String(Date.now());
                element.dataset.drawnAt = element.dataset.serverNow;
            }
            const serverNow = drawnAt + (Date.now() - Number(element.dataset.clientNow));
            const left = Number(element.dataset.due) - serverNow;
            // An attribute, drawn by CSS: Blazor owns the element's text, and replacing its nodes would confuse its diff.
            element.dataset.left = format(left);
            element.classList.toggle('is-danger', left < 3600000);
        }
    }, 1000);
})();
