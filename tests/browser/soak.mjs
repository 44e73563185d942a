#!/usr/bin/env node
// Long-session soak in headless Chromium, run by `./build.sh soak` (not by `./build.sh
// test`: the file name has no .test.mjs). Uses the test page www/test/hostile/index.html.
//
//   1. 10,000 cycles of mount / update / resize / destroy (SOAK_CYCLES to change): the
//      WebAssembly memory and the JS heap (after a forced GC) stay flat, no listener is
//      left on window or document, no ResizeObserver keeps observing, the DOM is back.
//   2. A resize storm: 1,000 size changes in about a second; the chart ends right (state,
//      backing store, pixels equal to a fresh chart at that size).
//   3. Rapid view switches: 1,000 seeded random setView / setOptions / select / resize
//      calls; the chart ends right (state and pixels equal to a fresh chart).
//   4. 50 widgets on one page: all draw; a hover on each stays quick (figures printed;
//      bounds are ratios to a single widget, or generous).
//
// Prints the figures and exits non-zero when a check fails.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO, startServer, waitForSettled } from './helpers.mjs';

const CYCLES = Number(process.env.SOAK_CYCLES ?? 10_000);
const WARMUP = Math.min(300, Math.max(20, Math.floor(CYCLES / 20)));
const CHUNK = 250;
const MiB = 2 ** 20;
// Thresholds (see README "Reliability"). WebAssembly memory never shrinks, so any growth
// after the warm-up is the allocator asking for more: 1 MiB over 10,000 cycles is about
// 100 bytes a cycle, far below one leaked dataset (~60 kB) or one leaked chart state. The
// JS heap is measured after a forced full GC; a leaked chart (its DOM table alone is ~500
// nodes) would cost tens of kB a cycle, a leaked closure or listener ~100 bytes: 2 MiB over
// 10,000 cycles (~200 bytes a cycle) catches both with room for V8's own noise.
const WASM_GROWTH_MAX = 1 * MiB;
const HEAP_GROWTH_MAX = 2 * MiB;

const requireFromTools = createRequire(path.join(REPO, 'tools', 'package.json'));
const { chromium } = requireFromTools('playwright-core');

const results = {};
const failures = [];
function check(name, fn) {
  try {
    fn();
    console.log(`  ok   ${name}`);
  } catch (e) {
    failures.push(`${name}: ${e.message}`);
    console.log(`  FAIL ${name}: ${e.message}`);
  }
}
const mb = (b) => `${(b / MiB).toFixed(2)} MiB`;

/**
 * Before any page script: counts live listeners per kind of target, and the elements
 * ResizeObservers observe. Counters only, and WeakMaps: the probe must not keep a
 * destroyed chart's canvas or MediaQueryList alive (that would be a leak of its own).
 */
function instrument() {
  const live = new WeakMap(); // target → Set of "type|capture|listener id"
  const ids = new WeakMap();
  let next = 1;
  const fnId = (f) => { if (!ids.has(f)) ids.set(f, next++); return ids.get(f); };
  const capture = (o) => (typeof o === 'boolean' ? o : !!(o && o.capture));
  const counts = { window: 0, document: 0, mql: 0, elements: 0, other: 0, observed: 0 };
  const kind = (t) => (t === window ? 'window' : t === document ? 'document' : t instanceof MediaQueryList ? 'mql' : t instanceof Element ? 'elements' : 'other');
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn != null) {
      if (!live.has(this)) live.set(this, new Set());
      const set = live.get(this);
      const key = `${type}|${capture(opts)}|${fnId(fn)}`;
      if (!set.has(key)) { set.add(key); counts[kind(this)] += 1; }
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    if (fn != null && live.get(this)?.delete(`${type}|${capture(opts)}|${fnId(fn)}`)) counts[kind(this)] -= 1;
    return remove.call(this, type, fn, opts);
  };
  const Native = window.ResizeObserver;
  window.ResizeObserver = class extends Native {
    constructor(cb) { super(cb); this.__t = new Set(); }
    observe(t, o) { if (!this.__t.has(t)) { this.__t.add(t); counts.observed += 1; } return super.observe(t, o); }
    unobserve(t) { if (this.__t.delete(t)) counts.observed -= 1; return super.unobserve(t); }
    disconnect() { counts.observed -= this.__t.size; this.__t.clear(); return super.disconnect(); }
  };
  window.__probe = () => ({ ...counts });
}

async function openSoakPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location()?.url ?? '')) page.errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.stack ?? e.message}`));
  await page.addInitScript(instrument);
  await page.goto(`${server.url}/test/hostile/index.html`);
  const state = await waitForSettled(page, 30_000);
  if (state !== 'ready') throw new Error(`test page: ${await page.evaluate(() => document.body.dataset.error)}`);
  page.cdp = await context.newCDPSession(page);
  return page;
}

/** Full GC (twice, to run finalizers), then the heap, the wasm memory and the DOM size. */
async function measure(page) {
  for (let i = 0; i < 3; i += 1) {
    await page.cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  }
  const heap = await page.cdp.send('Runtime.getHeapUsage');
  const inPage = await page.evaluate(() => ({
    wasm: window.H.wasmBytes(),
    usedJSHeapSize: performance.memory?.usedJSHeapSize ?? null,
    nodes: document.getElementsByTagName('*').length,
    probe: window.__probe(),
  }));
  return { heapUsed: heap.usedSize, ...inPage };
}

// ---------------------------------------------------------------------------- phases

async function phaseCycles(browser) {
  console.log(`\n# 1. ${CYCLES} cycles of mount / update / resize / destroy (warm-up ${WARMUP})`);
  const page = await openSoakPage(browser);
  await page.evaluate(() => {
    const H = window.H;
    const text = H.baseText();
    const obj = H.base();
    const views = [['headline', {}], ['rates', {}], ['section', { section: 's3' }], ['overview', {}], ['money', {}]];
    const box = H.box(640);
    const wrap = H.box(480);
    const canvas = document.createElement('canvas');
    wrap.append(canvas);
    const noop = () => {};
    window.__cycle = (i) => {
      const [view, o] = views[i % views.length];
      const inCanvas = i % 10 === 9;
      const c = window.ic.mount(inCanvas ? canvas : box, i % 2 ? obj : text, { view, ...o, locale: i % 3 ? 'zh' : 'en', theme: i % 4 ? 'auto' : 'dark' });
      c.on('select', noop);
      c.on('hover', noop);
      c.update(i % 2 ? text : obj);
      (inCanvas ? wrap : box).style.width = `${360 + (i % 9) * 80}px`;
      c.resize();
      if (i % 5 === 0) {
        const cv = inCanvas ? canvas : box.querySelector('canvas.ic-canvas');
        const r = cv.getBoundingClientRect();
        cv.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + r.width * 0.6, clientY: r.top + 80, bubbles: true }));
        cv.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
      }
      c.destroy();
    };
    window.__run = async (from, n) => {
      const t0 = performance.now();
      for (let i = from; i < from + n; i += 1) {
        window.__cycle(i);
        // Let the event loop and rendering run now and then (ResizeObserver, rAF).
        if (i % 25 === 24) await new Promise((r) => requestAnimationFrame(() => r()));
      }
      return performance.now() - t0;
    };
  });
  const empty = await measure(page);
  await page.evaluate((n) => window.__run(0, n), WARMUP);
  const before = await measure(page);
  console.log(`  before (after ${WARMUP} warm-up cycles): wasm ${mb(before.wasm)}, JS heap ${mb(before.heapUsed)}, DOM ${before.nodes} elements, listeners ${JSON.stringify(before.probe)}`);
  let done = 0;
  let ms = 0;
  let lastMs = 0;
  let lastDone = 0;
  const samples = [];
  while (done < CYCLES) {
    const n = Math.min(CHUNK, CYCLES - done);
    ms += await page.evaluate(([from, k]) => window.__run(from, k), [WARMUP + done, n]);
    done += n;
    if (done % 1000 === 0 || done === CYCLES) {
      const m = await measure(page);
      const per = (ms - lastMs) / (done - lastDone);
      samples.push({ cycles: done, wasm: m.wasm, heap: m.heapUsed, msPerCycle: per });
      console.log(`  ${String(done).padStart(6)} cycles: wasm ${mb(m.wasm)}, JS heap ${mb(m.heapUsed)}, ${per.toFixed(1)} ms a cycle (last ${done - lastDone})`);
      lastMs = ms;
      lastDone = done;
    }
  }
  const after = await measure(page);
  console.log(`  after: wasm ${mb(after.wasm)}, JS heap ${mb(after.heapUsed)} (usedJSHeapSize ${mb(after.usedJSHeapSize)}), DOM ${after.nodes} elements, listeners ${JSON.stringify(after.probe)}`);
  results.cycles = {
    cycles: CYCLES, warmup: WARMUP, msPerCycle: ms / CYCLES,
    wasm: { empty: empty.wasm, before: before.wasm, after: after.wasm, growth: after.wasm - before.wasm },
    jsHeap: { empty: empty.heapUsed, before: before.heapUsed, after: after.heapUsed, growth: after.heapUsed - before.heapUsed },
    usedJSHeapSize: { before: before.usedJSHeapSize, after: after.usedJSHeapSize },
    nodes: { before: before.nodes, after: after.nodes },
    listeners: { empty: empty.probe, after: after.probe },
    samples,
  };
  check(`wasm memory flat: +${mb(after.wasm - before.wasm)} ≤ ${mb(WASM_GROWTH_MAX)}`, () => assert.ok(after.wasm - before.wasm <= WASM_GROWTH_MAX));
  check(`JS heap flat: ${after.heapUsed >= before.heapUsed ? '+' : ''}${mb(after.heapUsed - before.heapUsed)} ≤ ${mb(HEAP_GROWTH_MAX)}`, () => assert.ok(after.heapUsed - before.heapUsed <= HEAP_GROWTH_MAX));
  check('no listener left on window or document', () => {
    assert.equal(after.probe.window, empty.probe.window, `window: ${empty.probe.window} → ${after.probe.window}`);
    assert.equal(after.probe.document, empty.probe.document, `document: ${empty.probe.document} → ${after.probe.document}`);
  });
  check('no listener left on media queries or elements', () => {
    assert.equal(after.probe.mql, empty.probe.mql, 'MediaQueryList');
    assert.equal(after.probe.elements, empty.probe.elements, 'elements');
  });
  check('no ResizeObserver still observing', () => assert.equal(after.probe.observed, empty.probe.observed));
  check('the DOM is back as it was', () => assert.equal(after.nodes, before.nodes));
  check('no console or page errors', () => assert.deepEqual(page.errors, []));
  await page.context().close();
}

async function phaseResizeStorm(browser) {
  console.log('\n# 2. resize storm: 1,000 size changes in about a second');
  const page = await openSoakPage(browser);
  const r = await page.evaluate(async () => {
    const H = window.H;
    const el = H.box(800);
    const chart = window.ic.mount(el, H.base(), { view: 'section', section: 's2' });
    let renders = 0;
    chart.on('render', () => { renders += 1; });
    await H.frame();
    const widths = [];
    let seed = 7;
    const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    const chan = new MessageChannel();
    const tick = () => new Promise((res) => { chan.port1.onmessage = () => res(); chan.port2.postMessage(0); });
    const t0 = performance.now();
    for (let i = 0; i < 1000; i += 1) {
      const w = Math.round(280 + rand() * 1000);
      widths.push(w);
      el.style.width = `${w}px`;
      if (i % 10 === 0) chart.resize();
      while (performance.now() < t0 + i + 1) await tick(); // one change a millisecond
    }
    const stormMs = performance.now() - t0;
    const final = 733;
    el.style.width = `${final}px`;
    await H.frame();
    await H.frame();
    const st = chart.getState();
    const canvas = el.querySelector('canvas.ic-canvas');
    const png = chart.toPng();
    const bar = chart.barRect(3);
    const fresh = H.box(final);
    const ref = window.ic.mount(fresh, H.base(), { view: 'section', section: 's2' });
    await H.frame();
    const out = {
      stormMs, renders, st, ref: ref.getState(), backing: [canvas.width, canvas.height], css: canvas.getBoundingClientRect().width,
      samePixels: png === ref.toPng(), bar, refBar: ref.barRect(3), drawn: H.drawn(canvas), distinctWidths: new Set(widths).size,
    };
    chart.destroy(); ref.destroy();
    return out;
  });
  console.log(`  1000 changes (${r.distinctWidths} distinct widths) in ${r.stormMs.toFixed(0)} ms; ${r.renders} renders (coalesced to frames); final ${r.st.width}×${r.st.height}`);
  results.resizeStorm = { stormMs: r.stormMs, renders: r.renders, final: r.st };
  check('the storm took about a second', () => assert.ok(r.stormMs >= 950 && r.stormMs < 10_000, `${r.stormMs} ms`));
  check('the chart ends at the final width', () => assert.equal(r.st.width, 733));
  check('backing store = CSS size × dpr', () => assert.deepEqual(r.backing, [Math.round(r.st.width * r.st.dpr), Math.round(r.st.height * r.st.dpr)]));
  check('state equals a fresh chart at that width', () => {
    for (const k of ['view', 'section', 'rows', 'bars', 'width', 'height']) assert.equal(r.st[k], r.ref[k], k);
  });
  check('pixels equal a fresh chart at that width', () => assert.ok(r.samePixels));
  check('bars are where a fresh chart has them', () => assert.deepEqual(r.bar, r.refBar));
  check('renders were coalesced (fewer than one per change)', () => assert.ok(r.renders < 1000, `${r.renders}`));
  check('no console or page errors', () => assert.deepEqual(page.errors, []));
  await page.context().close();
}

async function phaseViewSwitches(browser) {
  console.log('\n# 3. rapid view switches: 1,000 random calls');
  const page = await openSoakPage(browser);
  const r = await page.evaluate(async () => {
    const H = window.H;
    const ds = H.base();
    const el = H.box(900);
    const chart = window.ic.mount(el, ds);
    const tops = ds.sections.filter((s) => !s.parent).map((s) => s.id);
    const all = ds.sections.map((s) => s.id);
    let seed = 12345;
    const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return Math.floor((seed / 2 ** 31) * n); };
    const pickOf = (a) => a[rand(a.length)];
    const errors = [];
    const t0 = performance.now();
    for (let i = 0; i < 1000; i += 1) {
      try {
        switch (rand(6)) {
          case 0: chart.setView('section', { section: pickOf(tops) }); break;
          case 1: chart.setView(pickOf(['headline', 'rates', 'overview', 'money']), { section: rand(3) ? null : pickOf(all) }); break;
          case 2: chart.setOptions({ sort: pickOf(['report', 'value']), log: pickOf([true, false, 'auto']) }); break;
          case 3: chart.setOptions({ locale: pickOf(['zh', 'en']), theme: pickOf(['light', 'dark', 'auto']) }); break;
          case 4: chart.select(pickOf(ds.indicators).id); break;
          default: el.style.width = `${500 + rand(600)}px`; chart.resize();
        }
      } catch (e) {
        errors.push(e.message);
      }
      if (i % 50 === 49) await new Promise((res) => setTimeout(res, 0));
    }
    const ms = performance.now() - t0;
    const final = { view: 'section', section: 's4', sort: 'value', log: 'auto', locale: 'en', theme: 'dark' };
    el.style.width = '900px';
    chart.setOptions(final);
    chart.select(null);
    await H.frame();
    await H.frame();
    const ref = window.ic.mount(H.box(900), ds, final);
    await H.frame();
    const out = { ms, errors, st: chart.getState(), ref: ref.getState(), samePixels: chart.toPng() === ref.toPng(), drawn: H.drawn(el.querySelector('canvas.ic-canvas')) };
    chart.destroy(); ref.destroy();
    return out;
  });
  console.log(`  1000 calls in ${r.ms.toFixed(0)} ms (${(r.ms / 1000).toFixed(2)} ms a call); final ${JSON.stringify(r.st)}`);
  results.viewSwitches = { ms: r.ms, errors: r.errors.length };
  check('no call failed', () => assert.deepEqual(r.errors, []));
  check('state equals a fresh chart with the same options', () => {
    for (const k of ['view', 'section', 'sort', 'log', 'locale', 'theme', 'rows', 'bars', 'width', 'height']) assert.equal(r.st[k], r.ref[k], k);
  });
  check('pixels equal a fresh chart with the same options', () => assert.ok(r.samePixels));
  check('a chart is drawn', () => assert.ok(r.drawn > 0.01, `${r.drawn}`));
  check('no console or page errors', () => assert.deepEqual(page.errors, []));
  await page.context().close();
}

async function phaseFiftyWidgets(browser) {
  console.log('\n# 4. 50 widgets on one page');
  const page = await openSoakPage(browser);
  const r = await page.evaluate(async () => {
    const H = window.H;
    const text = H.baseText();
    const views = ['headline', 'rates', 'overview', 'money', 'section'];
    const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
    const hoverAll = (charts) => charts.map(({ el, c }) => {
      const cv = el.querySelector('canvas.ic-canvas');
      const rect = cv.getBoundingClientRect();
      const b = c.barRect(1) ?? c.barRect(0);
      const t = performance.now();
      cv.dispatchEvent(new PointerEvent('pointermove', { clientX: rect.left + b.x + Math.max(b.width, 2) / 2, clientY: rect.top + b.y + b.height / 2, bubbles: true }));
      const ms = performance.now() - t;
      const shown = getComputedStyle(el.querySelector('.ic-tooltip')).display !== 'none';
      cv.dispatchEvent(new PointerEvent('pointerleave'));
      return { ms, shown };
    });
    // One widget alone, for the ratio.
    const oneEl = H.box(600);
    const one = window.ic.mount(oneEl, text, { view: 'headline' });
    await H.frame();
    const single = [];
    for (let k = 0; k < 20; k += 1) single.push(hoverAll([{ el: oneEl, c: one }])[0].ms);
    one.destroy();
    oneEl.remove();

    const t0 = performance.now();
    const charts = [];
    for (let i = 0; i < 50; i += 1) {
      const el = H.box(600);
      charts.push({ el, c: window.ic.mount(el, text, { view: views[i % 5], section: i % 5 === 4 ? 's1' : null }) });
    }
    const mountMs = performance.now() - t0;
    await H.frame();
    const drawn = charts.filter(({ el }) => H.drawn(el.querySelector('canvas.ic-canvas')) > 0.01).length;
    const hovers = [];
    for (let k = 0; k < 3; k += 1) hovers.push(...hoverAll(charts));
    // A frame after all that: the page still answers.
    const f0 = performance.now();
    await H.frame();
    const frameMs = performance.now() - f0;
    // Resize the lot: every chart follows its container.
    let renders = 0;
    for (const { c } of charts) c.on('render', () => { renders += 1; });
    const r0 = performance.now();
    for (const { el } of charts) el.style.width = '480px';
    while (renders < 50 && performance.now() - r0 < 10_000) await H.frame();
    const resizeMs = performance.now() - r0;
    const widths = new Set(charts.map(({ c }) => c.getState().width));
    for (const { c } of charts) c.destroy();
    return {
      mountMs, drawn, frameMs, resizeMs, renders, widths: [...widths],
      single: median(single), median: median(hovers.map((h) => h.ms)), max: Math.max(...hovers.map((h) => h.ms)),
      shown: hovers.filter((h) => h.shown).length, hovers: hovers.length,
    };
  });
  console.log(`  50 mounts in ${r.mountMs.toFixed(0)} ms; ${r.drawn} drawn; hover: median ${r.median.toFixed(2)} ms, max ${r.max.toFixed(2)} ms (one widget alone: median ${r.single.toFixed(2)} ms); next frame ${r.frameMs.toFixed(0)} ms; all 50 followed a resize in ${r.resizeMs.toFixed(0)} ms`);
  results.fiftyWidgets = r;
  check('all 50 draw', () => assert.equal(r.drawn, 50));
  check('every hover shows its tooltip', () => assert.equal(r.shown, r.hovers));
  check('a hover with 50 widgets costs about what it costs with one (≤ 4× or +8 ms)', () => assert.ok(r.median <= Math.max(4 * r.single, r.single + 8), `${r.median} vs ${r.single}`));
  check('no hover takes over 250 ms', () => assert.ok(r.max < 250, `${r.max}`));
  check('the page answers within a frame or two (< 500 ms)', () => assert.ok(r.frameMs < 500, `${r.frameMs}`));
  check('all 50 follow a resize', () => assert.deepEqual(r.widths, [480]));
  check('no console or page errors', () => assert.deepEqual(page.errors, []));
  await page.context().close();
}

// ---------------------------------------------------------------------------- main

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const started = Date.now();
try {
  const only = process.env.SOAK_ONLY?.split(',');
  const phases = { cycles: phaseCycles, storm: phaseResizeStorm, views: phaseViewSwitches, fifty: phaseFiftyWidgets };
  for (const [name, fn] of Object.entries(phases)) {
    if (only && !only.includes(name)) continue;
    try {
      await fn(browser);
    } catch (e) {
      failures.push(`${name}: ${e.stack ?? e.message}`);
      console.log(`  FAIL ${name}: ${e.stack ?? e.message}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\nsoak summary (${((Date.now() - started) / 1000).toFixed(0)} s): ${JSON.stringify(results, (k, v) => (k === 'samples' ? undefined : v))}`);
if (failures.length) {
  console.log(`\n${failures.length} soak check(s) failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nall soak checks passed');
