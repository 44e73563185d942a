// @ts-check  (tsc checks this file against the package's .d.ts: `npm run build`)
import 'indicator-chart/element'; // registers <indicator-chart>
import { createChart } from 'indicator-chart';

const status = /** @type {HTMLElement} */ (document.getElementById('status'));

// The element: it fetches its src itself and re-dispatches the chart's events.
const el = document.querySelector('indicator-chart');
if (!el) throw new Error('no <indicator-chart> in the page');
el.addEventListener('select', (e) => {
  status.textContent = e.detail.indicator ? `${e.detail.indicator.label}: ${e.detail.indicator.quote}` : '';
});
const elementReady = new Promise((resolve, reject) => {
  if (el.state === 'ready') return resolve(undefined);
  el.addEventListener('load', () => resolve(undefined), { once: true });
  el.addEventListener('error', (e) => reject(new Error(e.message)), { once: true });
});

// The JS API: createChart() loads the WebAssembly module (once, shared with the element).
async function main() {
  const res = await fetch('report-2022.json');
  if (!res.ok) throw new Error(`report-2022.json: HTTP ${res.status}`);
  /** @type {import('indicator-chart').Dataset} */
  const dataset = await res.json();
  const box = /** @type {HTMLElement} */ (document.getElementById('api-chart'));
  const chart = await createChart(box, dataset, { view: 'rates', locale: 'en', theme: 'auto' });
  chart.on('select', (e) => {
    status.textContent = e.indicator ? `${e.indicator.label_en}: ${e.indicator.value} ${e.indicator.unit}` : '';
  });
  Object.assign(window, { apiChart: chart });
  await elementReady;
  document.body.dataset.state = 'ready';
}

main().catch((e) => {
  status.textContent = String(e?.message ?? e);
  document.body.dataset.state = 'error';
});
