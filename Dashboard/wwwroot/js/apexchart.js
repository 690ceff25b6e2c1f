// Thin interop over ApexCharts (loaded globally from lib/apexcharts). One chart per element;
// Blazor owns the element, this module owns the chart instance.
const charts = new Map();
let nextId = 1;

function themeMode() {
    return document.querySelector('.mud-theme-dark, body.mud-theme-dark') ? 'dark' : 'light';
}

// SI prefixes, so a y axis in B/s reads 12.5 MB/s rather than 12500000.
function si(value, unit) {
    const prefixes = ['', 'k', 'M', 'G', 'T'];
    let i = 0;
    let v = Math.abs(value);
    while (v >= 1000 && i < prefixes.length - 1) { v /= 1000; i++; }
    const shown = (value < 0 ? -v : v).toFixed(v < 10 && i > 0 ? 1 : 0);
    return `${shown} ${prefixes[i]}${unit}`.trim();
}

// Options and series arrive as JSON text (see ApexChart.razor.cs for why).
export function create(element, optionsJson) {
    const options = JSON.parse(optionsJson);
    const id = nextId++;
    const unit = options.sdnUnit || '';
    delete options.sdnUnit;
    options.yaxis = Object.assign(options.yaxis || {}, { labels: { formatter: v => si(v, unit) } });
    options.tooltip = { x: { format: 'HH:mm:ss' }, y: { formatter: v => si(v, unit) } };
    options.theme = Object.assign({ mode: themeMode() }, options.theme || {});
    const chart = new ApexCharts(element, options);
    charts.set(id, chart);
    chart.render();
    return id;
}

export function updateSeries(id, seriesJson) {
    const chart = charts.get(id);
    if (chart) {
        chart.updateSeries(JSON.parse(seriesJson), false);
    }
}

export function destroy(id) {
    const chart = charts.get(id);
    if (chart) {
        chart.destroy();
        charts.delete(id);
    }
}
