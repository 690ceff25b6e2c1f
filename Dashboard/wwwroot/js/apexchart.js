// Thin interop over ApexCharts (loaded globally from lib/apexcharts). One chart per element;
// Blazor owns the element, this module owns the chart instance.
const charts = new Map();
let nextId = 1;

function themeMode() {
    return document.querySelector('.mud-theme-dark, body.mud-theme-dark') ? 'dark' : 'light';
}

export function create(element, options) {
    const id = nextId++;
    options.theme = Object.assign({ mode: themeMode() }, options.theme || {});
    const chart = new ApexCharts(element, options);
    charts.set(id, chart);
    chart.render();
    return id;
}

export function updateSeries(id, series) {
    const chart = charts.get(id);
    if (chart) {
        chart.updateSeries(series, false);
    }
}

export function destroy(id) {
    const chart = charts.get(id);
    if (chart) {
        chart.destroy();
        charts.delete(id);
    }
}
