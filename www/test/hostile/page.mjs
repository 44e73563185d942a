// Test page for tests/browser/hostile-data.test.mjs, injection.test.mjs and soak.mjs: the
// widget with no host page around it, under the host page's CSP. Exposes window.ic (the
// module's exports), window.H (helpers that run a case in the page and report what a
// reader would see) and the WebAssembly memory (H.wasmBytes()).
import init, * as ic from '../../pkg/indicator_chart.js';
import { CASES, dataOf, formsOf, millionIndicators } from './cases.mjs';
import { injectionDataset } from './injection.mjs';

const stage = document.getElementById('stage');
// Two frames, with a task between them: the widget fills its screen-reader table in a
// task queued from the frame after a render, so it is filled when this resolves.
const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(res), 0)));

/** Share of a canvas's pixels that differ from its top-left pixel (0 when blank or empty). */
function drawn(c) {
  if (!c || !c.width || !c.height) return 0;
  const copy = document.createElement('canvas');
  copy.width = c.width;
  copy.height = c.height;
  const ctx = copy.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(c, 0, 0);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) + Math.abs(d[i + 3] - d[3]) > 40) n += 1;
  }
  return n / (c.width * c.height);
}

function visible(el) {
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0;
}

/** What the reader sees in an element: its alerts, its canvas. */
function look(el) {
  const canvas = el.querySelector('canvas.ic-canvas') || el.querySelector('canvas');
  return {
    alerts: [...el.querySelectorAll('[role=alert]')].map((a) => ({ cls: a.className, text: a.textContent, visible: visible(a) })),
    canvas: canvas ? { width: canvas.width, height: canvas.height, drawn: drawn(canvas) } : null,
    table: el.querySelector('table.ic-table')?.textContent ?? null,
  };
}

function thrown(e) {
  if (e === undefined) return null;
  return { isError: e instanceof Error, name: e?.name ?? null, message: e instanceof Error ? e.message : String(e) };
}

function box(width = 640) {
  const el = document.createElement('div');
  el.style.width = `${width}px`;
  stage.append(el);
  return el;
}

let baseText;
let live = null; // { el, chart }: the chart `update` cases run against

const H = {
  frame,
  drawn,
  visible,
  look,
  box,
  cases: CASES,
  /** A fresh deep copy of the shipped dataset. */
  base: () => JSON.parse(baseText),
  baseText: () => baseText,
  wasmBytes: () => H.memory.buffer.byteLength,
  millionIndicators,
  /** { ds, expect }: the shipped dataset carrying script-injection payloads (injection.mjs). */
  injectionDataset: () => injectionDataset(H.base()),

  /** Mounts one case's data in a fresh container; reports the throw, the alerts, the canvas. */
  /**
   * Both data paths on a case's data in `form` ('object' or 'text'; or on `data` when
   * given): the wasm's own (the loader snippet, after the scanner and JSON.parse for text)
   * and serde_json's, each "ok: N indicators" or "error: …", and whether they gave the
   * same dataset or an error at the same record and field.
   */
  bothPaths(name, data, form = 'object') {
    let d = data;
    if (d === undefined || d === null) {
      const c = CASES.find((x) => x.name === name);
      if (!c) throw new Error(`no case ${name}`);
      d = dataOf(c, form, H.base());
    }
    const [fast, slow, same] = ic.__datasetPathsForTest(d);
    return { fast, slow, same };
  },
  async mountCase(name, form, options = {}) {
    const c = CASES.find((x) => x.name === name);
    if (!c) throw new Error(`no case ${name}`);
    if (!formsOf(c).includes(form)) throw new Error(`case ${name} has no ${form} form`);
    const data = dataOf(c, form, H.base());
    const el = box();
    let chart;
    let error;
    const t0 = performance.now();
    try {
      chart = ic.mount(el, data, { ...(c.options || {}), ...options });
    } catch (e) {
      error = e;
    }
    const ms = performance.now() - t0;
    await frame();
    const out = { threw: thrown(error), ms, ...look(el), state: chart ? chart.getState() : null };
    chart?.destroy();
    el.remove();
    return out;
  },

  /** Updates a live chart (showing the shipped dataset) with one case's data. */
  async updateCase(name, form) {
    const c = CASES.find((x) => x.name === name);
    if (!c) throw new Error(`no case ${name}`);
    if (!live) {
      const el = box();
      live = { el, chart: ic.mount(el, H.base()) };
      await frame();
    }
    if (c.options) live.chart.setOptions(c.options);
    await frame();
    const before = look(live.el);
    const data = dataOf(c, form, H.base());
    let error;
    const t0 = performance.now();
    try {
      live.chart.update(data);
    } catch (e) {
      error = e;
    }
    const ms = performance.now() - t0;
    await frame();
    const out = { threw: thrown(error), ms, before: { drawn: before.canvas?.drawn ?? 0 }, ...look(live.el), state: live.chart.getState() };
    // Back to the shipped data and the default view: the message must go away.
    live.chart.update(H.base());
    if (c.options) live.chart.setOptions({ view: 'headline', section: null, sort: 'report', log: 'auto', locale: 'zh' });
    await frame();
    out.afterRestore = look(live.el);
    return out;
  },
};

try {
  const [wasm, res] = await Promise.all([init(), fetch('../../data/report-2022.json')]);
  if (!res.ok) throw new Error(`could not load the dataset: HTTP ${res.status}`);
  baseText = await res.text();
  H.memory = wasm.memory;
  window.ic = { ...ic };
  window.H = H;
  document.body.dataset.state = 'ready';
} catch (e) {
  document.body.dataset.error = String((e && e.message) || e);
  document.body.dataset.state = 'error';
}
