// The no-build embed: plain ES modules served as static files. The package's files are
// used by relative URL (../../pkg/ here; node_modules/indicator-chart/ or wherever you copy
// them in your site). The .wasm is found next to them; no init() call is needed.
import '../../pkg/element.js'; // registers <indicator-chart>
import { createChart } from '../../pkg/index.js';

const picked = document.getElementById('picked');

document.getElementById('element-chart').addEventListener('select', (e) => {
  picked.textContent = e.detail.indicator ? e.detail.indicator.quote : '';
});

const res = await fetch('../../www/data/report-2022.json');
const chart = await createChart(document.getElementById('api-chart'), await res.text(), { view: 'money', locale: 'en' });
chart.on('select', (e) => {
  picked.textContent = e.indicator ? e.indicator.quote : '';
});
window.apiChart = chart;
