// Blank page for tests/browser/api.test.mjs: the widget's JS API with no host page around
// it. Exposes window.ic (the module's exports) and window.ds (the dataset as an object).
import init, * as ic from '../pkg/indicator_chart.js';

try {
  const [, res] = await Promise.all([init(), fetch('../data/report-2022.json')]);
  if (!res.ok) throw new Error(`could not load the dataset: HTTP ${res.status}`);
  window.ds = await res.json();
  window.ic = { ...ic };
  document.body.dataset.state = 'ready';
} catch (e) {
  document.body.dataset.error = String(e && e.message || e);
  document.body.dataset.state = 'error';
}
