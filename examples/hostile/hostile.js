// Shared by the hostile test pages: a JS-API chart in every [data-mount] container (the
// light-DOM embed, which page CSS can reach), next to the pages' <indicator-chart> elements.
// window.charts[id] is each container's chart; window.hostileReady says all are mounted.
import '../../pkg/element.js';
import { createChart } from '../../pkg/index.js';

window.charts = {};
const DATA = '../../www/data/report-2022.json';

async function main() {
  const boxes = [...document.querySelectorAll('[data-mount]')];
  if (boxes.length) {
    const text = await (await fetch(DATA)).text();
    for (const box of boxes) {
      window.charts[box.id] = await createChart(box, text, JSON.parse(box.dataset.mount || '{}'));
    }
  }
  window.hostileReady = true;
}

main().catch((e) => {
  window.hostileError = String(e?.stack ?? e);
  console.error(e);
});
