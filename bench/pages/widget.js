// The widget: the npm package's build of the wasm (pkg/, release, wasm-opt'd, without the
// extractor; the driver serves it as ../pkg/), mounted as the README shows.
import init, { mount } from '../pkg/indicator_chart.js';
import { installBench, dataset, domTooltip } from './common.js';

const container = document.getElementById('chart');
const wasm = await init();
const OPTIONS = { view: 'section', section: 'bench', log: false, height: 600 };
let chart = null;
let height = 600;

installBench({
  name: 'widget',
  container,
  prepare: (n, seed) => dataset(n, seed),
  mount(ds) {
    height = 600;
    chart = mount(container, ds, OPTIONS);
  },
  update(ds) {
    chart.update(ds);
  },
  resize(w, h) {
    // The chart follows its container's width; its height is an option.
    if (h !== height) {
      height = h;
      chart.setOptions({ height: h });
    } else {
      chart.resize();
    }
  },
  destroy() {
    chart?.destroy();
    chart?.free?.();
    chart = null;
  },
  rows: () => chart.getState().rows,
  rowAt(i) {
    const r = chart.barRect(i);
    const c = container.querySelector('canvas.ic-canvas').getBoundingClientRect();
    const b = container.getBoundingClientRect();
    return { x: c.left - b.left + r.x + r.width / 2, y: c.top - b.top + r.y + r.height / 2 };
  },
  canvases: () => [container.querySelector('canvas.ic-canvas')],
  tooltip: () => domTooltip(container.querySelector('.ic-tooltip')),
  state() {
    const s = chart.getState();
    return { rows: s.rows, bars: s.bars, width: s.width, height: s.height, dpr: s.dpr };
  },
  wasmMemory: () => wasm.memory.buffer.byteLength,
});
