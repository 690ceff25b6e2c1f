window.sdn = {
    // Called by each interactive page once its circuit has rendered, so end-to-end tests (and people) can tell
    // the prerendered static HTML from the live page.
    markCircuitUp: () => { document.body.dataset.circuit = 'up'; },
};

// The layout is rendered on the server without a circuit, so its two toggles are handled here. Each choice goes
// into a cookie that the layout reads on the next request, so it survives navigation and reloads.
(() => {
    const remember = (name, value) => {
        document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
    };

    const toggleDrawer = () => {
        const drawer = document.querySelector('.mud-drawer');
        const layout = document.querySelector('.mud-layout');
        if (!drawer || !layout) {
            return;
        }
        const open = drawer.classList.contains('mud-drawer--open');
        drawer.classList.toggle('mud-drawer--open', !open);
        drawer.classList.toggle('mud-drawer--closed', open);
        // The layout's class names the drawer's state too (mud-drawer-open-persistent-left / mud-drawer-close-…).
        for (const name of [...layout.classList]) {
            const [from, to] = open ? ['mud-drawer-open-', 'mud-drawer-close-'] : ['mud-drawer-close-', 'mud-drawer-open-'];
            if (name.startsWith(from)) {
                layout.classList.replace(name, to + name.slice(from.length));
            }
        }
        remember('sdn-drawer', open ? 'closed' : 'open');
    };

    // The theme's colours are CSS the server renders for one mode, so switching reloads the page in the other.
    const toggleTheme = () => {
        const dark = document.cookie.split('; ').includes('sdn-theme=dark');
        remember('sdn-theme', dark ? 'light' : 'dark');
        location.reload();
    };

    // Delegated from the document: enhanced navigation replaces the layout's elements on every page change.
    document.addEventListener('click', event => {
        const toggle = event.target.closest?.('[data-sdn-toggle]');
        if (toggle?.dataset.sdnToggle === 'drawer') {
            toggleDrawer();
        } else if (toggle?.dataset.sdnToggle === 'theme') {
            toggleTheme();
        }
    });
})();
