// Marks the page once the interactive circuit has rendered, so end-to-end tests (and people) can tell
// the prerendered static HTML from the live page.
window.sdn = {
    markCircuitUp: () => { document.body.dataset.circuit = 'up'; },
};
