// The npm package (./build.sh package → pkg/, target/npm/indicator-chart.tgz) and its embeds:
// the tarball installs in a fresh folder, the Vite example built from it renders, the
// no-build page renders, <indicator-chart> elements share one WebAssembly instance, clean
// up after themselves, follow their attributes and say why data did not load, and charts
// render correctly on hostile host pages (examples/hostile/*.html).
// ./build.sh test builds the package and the Vite example before running this file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO, launch, openPage, screenshot } from './helpers.mjs';
import { startServer } from '../../tools/serve.mjs';

const run = promisify(execFile);
const TIMEOUT = { timeout: 90_000 };
const TARBALL = path.join(REPO, 'target', 'npm', 'indicator-chart.tgz');
const PKG = path.join(REPO, 'pkg');
const VITE = path.join(REPO, 'examples', 'vite');
const DATA = '../../www/data/report-2022.json'; // from examples/*/

let server; // the repository root, for examples/ and pkg/
let browser;

before(async () => {
  for (const [file, what] of [[TARBALL, 'the packed tarball'], [path.join(PKG, 'element.js'), 'pkg/'],
    [path.join(VITE, 'dist', 'index.html'), "the Vite example's build"]]) {
    assert.ok(existsSync(file), `${what} is missing (${file}): run ./build.sh package (and ./build.sh test for the Vite example)`);
  }
  // The entries ship minified (tools/minify.mjs), the types as they are.
  const { minify } = await import('../../tools/minify.mjs');
  for (const f of ['index.js', 'element.js', 'index.d.ts', 'element.d.ts']) {
    const [src, built] = await Promise.all([readFile(path.join(REPO, 'js', f), 'utf8'), readFile(path.join(PKG, f), 'utf8')]);
    const want = f.endsWith('.d.ts') ? src : minify(src);
    assert.equal(built, want, `pkg/${f} differs from js/${f}: run ./build.sh package`);
  }
  server = await startServer({ root: REPO, port: 0 });
  browser = await launch();
}, TIMEOUT);

after(async () => {
  for (const p of refPages.values()) await (await p).context().close();
  await browser?.close();
  await server?.close();
});

// ------------------------------------------------------------------ page helpers

/** Counts WebAssembly instantiations and keeps account of ResizeObservers and of listeners on window, document and media queries. */
function instrument() {
  window.__wasmInstantiations = 0;
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.__wasmInstantiations++;
      return orig.apply(this, args);
    };
  }
  const observers = new Set();
  const RO = window.ResizeObserver;
  window.ResizeObserver = class extends RO {
    constructor(cb) {
      super(cb);
      this.__targets = new Set();
    }
    observe(t, o) {
      super.observe(t, o);
      this.__targets.add(t);
      observers.add(this);
    }
    unobserve(t) {
      super.unobserve(t);
      this.__targets.delete(t);
    }
    disconnect() {
      super.disconnect();
      this.__targets.clear();
      observers.delete(this);
    }
  };
  window.__observed = () => [...observers].reduce((n, o) => n + o.__targets.size, 0);
  const live = [];
  const global = (t) => t === window || t === document || (typeof MediaQueryList === 'function' && t instanceof MediaQueryList);
  const capture = (o) => (typeof o === 'boolean' ? o : !!o?.capture);
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    // Only the package's own (playwright adds some to window when it drives the mouse).
    if (global(this) && fn && /\/pkg\/|indicator_chart/.test(new Error().stack) &&
        !live.some((l) => l.t === this && l.type === type && l.fn === fn && l.c === capture(opts))) {
      live.push({ t: this, type, fn, c: capture(opts) });
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const i = live.findIndex((l) => l.t === this && l.type === type && l.fn === fn && l.c === capture(opts));
    if (i >= 0) live.splice(i, 1);
    return remove.call(this, type, fn, opts);
  };
  window.__globalListeners = () => live.map((l) => `${l.t === window ? 'window' : l.t === document ? 'document' : 'media query'}:${l.type}`);
}

async function newPage({ path: urlPath, baseUrl, ...opts } = {}) {
  const page = await openPage(browser, opts);
  await page.addInitScript(instrument);
  page.wasmRequests = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) page.wasmRequests++;
  });
  if (urlPath !== undefined && baseUrl) await page.goto(new URL(urlPath, baseUrl + '/').href);
  return page;
}

/** Waits until the chart of `sel` (an <indicator-chart>, or a container of window.charts / a window property) is drawn. */
async function waitDrawn(page, sel, timeout = 20_000) {
  try {
    await page.waitForFunction((sel) => {
      const host = document.querySelector(sel);
      const chart = host?.chart ?? window.charts?.[host?.id];
      return chart != null && chart.getState().width > 0;
    }, sel, { timeout });
  } catch (e) {
    const why = await page.evaluate((sel) => {
      const h = document.querySelector(sel);
      return { found: !!h, state: h?.state, error: h?.error, hostileError: window.hostileError };
    }, sel).catch(() => ({}));
    throw new Error(`${sel} was not drawn in ${timeout} ms: ${JSON.stringify(why)}; errors: ${JSON.stringify(page.errors)}`, { cause: e });
  }
}

/** Geometry and pixels of the chart of `sel`, measured in the page. */
function chartInfo(page, sel) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const scope = host.shadowRoot ?? host;
    const canvas = scope.querySelector('canvas.ic-canvas');
    const chart = host.chart ?? window.charts?.[host.id];
    const state = chart.getState();
    const rect = canvas.getBoundingClientRect();
    const hostRect = host.getBoundingClientRect();
    const zoom = canvas.currentCSSZoom ?? 1;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = ((data[i] >> 5) << 11) | ((data[i + 1] >> 5) << 8) | ((data[i + 2] >> 5) << 5) | (data[i + 3] >> 6);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    const total = copy.width * copy.height;
    const minPixels = Math.max(4, Math.ceil(total * 0.0005));
    const corner = [...ctx.getImageData(1, 1, 1, 1).data];
    return {
      width: canvas.width,
      height: canvas.height,
      // The canvas' own CSS size (a client rect is scaled by CSS zoom).
      cssWidth: rect.width / zoom,
      cssHeight: rect.height / zoom,
      zoom,
      clientWidth: rect.width,
      hostDisplay: getComputedStyle(host).display,
      hostWidth: hostRect.width,
      state,
      nonBackgroundPixels: total - (sorted[0]?.[1] ?? 0),
      distinctColors: sorted.slice(1).filter(([, n]) => n >= minPixels).length,
      corner,
      dpr: devicePixelRatio,
    };
  }, sel);
}

/**
 * Points the mouse at the middle bar of the chart of `sel` and checks that the chart sees
 * that very bar (hover payload → select(id) → focus is that bar), that the bar is painted
 * there, and that the tooltip shows inside the chart's box.
 */
async function checkHitTest(page, sel) {
  const target = await page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const chart = host.chart ?? window.charts?.[host.id];
    const canvas = (host.shadowRoot ?? host).querySelector('canvas.ic-canvas');
    const st = chart.getState();
    let i = Math.floor(st.rows / 2);
    let r = null;
    for (let k = 0; k < st.rows; k++) {
      const j = (i + k) % st.rows;
      const b = chart.barRect(j);
      if (b && b.width >= 4 && b.height >= 4) {
        i = j;
        r = b;
        break;
      }
    }
    if (!r) return null;
    window.__hover = null;
    chart.on('hover', (p) => {
      window.__hover = p;
    });
    // Scroll the bar to the middle of the viewport, where the mouse can reach it.
    let rect = canvas.getBoundingClientRect();
    window.scrollBy(0, rect.top + (r.y + r.height / 2) * (rect.height / st.height) - innerHeight / 2);
    rect = canvas.getBoundingClientRect();
    const sx = rect.width / st.width;
    const sy = rect.height / st.height;
    const cx = r.x + r.width / 2;
    const cy = r.y + r.height / 2;
    // The bar's own pixel in the backing store (drawn in CSS px × dpr).
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d');
    ctx.drawImage(canvas, 0, 0);
    const px = [...ctx.getImageData(Math.floor(cx * st.dpr), Math.floor(cy * st.dpr), 1, 1).data];
    const bg = [...ctx.getImageData(1, 1, 1, 1).data];
    return { i, x: rect.left + cx * sx, y: rect.top + cy * sy, px, bg };
  }, sel);
  assert.ok(target, `${sel}: a bar at least 4 px wide to point at`);
  assert.notDeepEqual(target.px, target.bg, `${sel}: bar ${target.i} is painted at its centre: ${JSON.stringify(target)}`);
  await page.mouse.move(target.x, target.y);
  await page.waitForFunction(() => window.__hover?.index != null, null, { timeout: 5000 }).catch(() => {});
  const out = await page.evaluate(({ sel, i }) => {
    const host = document.querySelector(sel);
    const chart = host.chart ?? window.charts?.[host.id];
    const p = window.__hover;
    const scope = host.shadowRoot ?? host;
    const tip = scope.querySelector('.ic-tooltip');
    const root = scope.querySelector('.ic-root');
    const t = tip.getBoundingClientRect();
    const b = root.getBoundingClientRect();
    const tooltip = { visible: getComputedStyle(tip).display !== 'none' && t.width > 0, t: [t.left, t.top, t.right, t.bottom], box: [b.left, b.top, b.right, b.bottom],
      // Its lines (label, value, sentence, section) stay blocks and the figure stays bold, whatever the page's CSS.
      lines: [...tip.children].map((c) => getComputedStyle(c).display),
      bold: [...tip.querySelectorAll('b, strong')].map((c) => Number(getComputedStyle(c).fontWeight)) };
    const id = p?.indicator?.id ?? p?.section?.id ?? null;
    const selected = id != null && chart.select(id);
    return { hover: p && { index: p.index, id }, selected, focus: chart.getState().focus, tooltip, i };
  }, { sel, i: target.i });
  const detail = JSON.stringify(out);
  assert.ok(out.hover?.id, `${sel}: the pointer on bar ${target.i} sent a hover event with an indicator: ${detail}`);
  assert.ok(out.selected, `${sel}: select(<the hovered id>) finds it: ${detail}`);
  assert.equal(out.focus, target.i, `${sel}: the hovered bar is the bar under the pointer: ${detail}`);
  const { t, box } = out.tooltip;
  assert.ok(out.tooltip.visible, `${sel}: the tooltip shows: ${detail}`);
  assert.ok(out.tooltip.lines.length >= 2 && out.tooltip.lines.every((d) => d === 'block'), `${sel}: the tooltip's lines are blocks: ${detail}`);
  assert.ok(out.tooltip.bold.length >= 1 && out.tooltip.bold.every((w) => w >= 600), `${sel}: the tooltip's bold stays bold: ${detail}`);
  assert.ok(t[0] >= box[0] - 1 && t[1] >= box[1] - 1 && t[2] <= box[2] + 1 && t[3] <= box[3] + 1, `${sel}: the tooltip is inside the chart's box: ${detail}`);
  await page.mouse.move(0, 0);
  await page.evaluate((sel) => {
    const host = document.querySelector(sel);
    (host.chart ?? window.charts?.[host.id]).select(null);
  }, sel);
}

/** The chart's PNG (base layer) on the clean page at the same width, dpr and options: what it should look like. */
const refPages = new Map(); // `${dpr} ${colorScheme}` → a clean page, kept open for the whole file
async function referencePng({ width, dpr, colorScheme = 'light', options }) {
  const key = `${dpr} ${colorScheme}`;
  if (!refPages.has(key)) refPages.set(key, newPage({ dpr, colorScheme, baseUrl: server.url, path: '/examples/hostile/clean.html' }));
  const page = await refPages.get(key);
  return page.evaluate(async ({ width, options, data }) => {
    const { createChart } = await import(new URL('../../pkg/index.js', location.href).href);
    const box = document.getElementById('ref');
    box.style.width = `${width}px`;
    window.__refText ??= await (await fetch(data)).text();
    const chart = await createChart(box, window.__refText, options);
    const png = chart.toPng();
    chart.destroy();
    return png;
  }, { width, options, data: DATA });
}

/** Everything a correctly rendered chart satisfies; `expectWidth` is the width it should fill. */
async function assertRenders(page, sel, { expectWidth, options, colorScheme = 'light' } = {}) {
  await waitDrawn(page, sel);
  const s = await chartInfo(page, sel);
  const detail = `${sel}: ${JSON.stringify({ ...s, state: undefined, ...s.state })}`;
  assert.ok(s.cssWidth >= 200, `css width is sensible (not 10 px, not zero): ${detail}`);
  assert.equal(s.width, Math.round(s.cssWidth * s.dpr), `backing store width = round(css width × dpr): ${detail}`);
  assert.equal(s.height, Math.round(s.cssHeight * s.dpr), `backing store height = round(css height × dpr): ${detail}`);
  assert.ok(Math.abs(s.cssWidth - s.state.width) <= 1, `the canvas is as wide as the chart laid out: ${detail}`);
  const fill = expectWidth ?? (s.hostDisplay === 'inline' ? null : s.hostWidth);
  if (fill != null) assert.ok(Math.abs(s.clientWidth - fill) <= 2, `the chart fills its box (${fill} px): ${detail}`);
  assert.ok(s.nonBackgroundPixels >= 0.02 * s.width * s.height, `≥ 2% of pixels drawn: ${detail}`);
  assert.ok(s.distinctColors >= 3, `≥ 3 colours: ${detail}`);
  assert.equal(s.corner[3], 255, `the chart paints its own opaque background: ${detail}`);
  await checkHitTest(page, sel);
  if (options) {
    // Pixel for pixel what the clean page draws at this width: labels, bars and axes in place.
    const want = await referencePng({ width: s.state.width, dpr: s.dpr, colorScheme, options });
    const got = await page.evaluate((sel) => {
      const host = document.querySelector(sel);
      return (host.chart ?? window.charts?.[host.id]).toPng();
    }, sel);
    assert.ok(got === want, `${sel}: the drawing equals the clean page's at the same width (${s.state.width} px)`);
  }
  return s;
}

// ------------------------------------------------------------------ (1) the tarball

describe('the packed tarball', () => {
  test('installs with npm in a fresh folder outside the repository', TIMEOUT, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'indicator-chart-install-'));
    try {
      await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'fresh-app', private: true, type: 'module' }));
      await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', TARBALL], { cwd: dir });
      const installed = path.join(dir, 'node_modules', 'indicator-chart');
      const files = (await readdir(installed)).sort();
      for (const f of ['package.json', 'index.js', 'element.js', 'index.d.ts', 'element.d.ts', 'indicator_chart.js', 'indicator_chart_bg.wasm']) {
        assert.ok(files.includes(f), `installed files include ${f}: ${files.join(', ')}`);
      }
      const wasm = await readFile(path.join(installed, 'indicator_chart_bg.wasm'));
      assert.deepEqual([...wasm.subarray(0, 4)], [0, 0x61, 0x73, 0x6d], 'the .wasm is WebAssembly');
      const pkg = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8'));
      const cargoVersion = (await readFile(path.join(REPO, 'Cargo.toml'), 'utf8')).match(/^version = "(.+)"$/m)[1];
      assert.equal(pkg.name, 'indicator-chart');
      assert.equal(pkg.version, cargoVersion, 'version from Cargo.toml');
      assert.equal(pkg.type, 'module');
      assert.equal(pkg.license, 'MIT');
      assert.ok(pkg.repository?.url, 'repository');
      assert.equal(pkg.types, './index.d.ts');
      assert.deepEqual(pkg.exports['.'], { types: './index.d.ts', default: './index.js' });
      assert.deepEqual(pkg.exports['./element'], { types: './element.d.ts', default: './element.js' });
      assert.deepEqual(pkg.sideEffects, ['./element.js']);
      assert.ok(Array.isArray(pkg.files) && pkg.files.includes('indicator_chart_bg.wasm'));
      // The same files as js/ (a stale tarball would test old code).
      for (const f of ['index.js', 'element.js']) {
        const { minify } = await import('../../tools/minify.mjs');
        assert.equal(await readFile(path.join(installed, f), 'utf8'), minify(await readFile(path.join(REPO, 'js', f), 'utf8')), `${f} is current`);
      }
      // The types name everything: no `any` outside comments.
      for (const f of ['index.d.ts', 'element.d.ts']) {
        const code = (await readFile(path.join(installed, f), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
        assert.doesNotMatch(code, /\bany\b/, `${f} has no \`any\``);
      }
      // Both entries resolve through `exports` and import (in Node too: the element registers nothing there).
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `
        const api = await import('indicator-chart');
        const el = await import('indicator-chart/element');
        console.log(JSON.stringify({ api: Object.keys(api).sort(), el: Object.keys(el).sort(),
          wasm: import.meta.resolve('indicator-chart/indicator_chart_bg.wasm').endsWith('/indicator_chart_bg.wasm') }));`], { cwd: dir });
      const got = JSON.parse(stdout);
      assert.deepEqual(got.api, ['Chart', 'createChart', 'default', 'init', 'isReady', 'mount', 'version']);
      assert.deepEqual(got.el, ['IndicatorChartElement', 'TAG', 'default']);
      assert.ok(got.wasm, 'the .wasm is exported for bundlers that want its URL');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// ------------------------------------------------------------------ (2) the Vite example, (3) the no-build page

describe('embeds', () => {
  test('the Vite example, built from the tarball, renders', TIMEOUT, async () => {
    const installed = await readFile(path.join(VITE, 'node_modules', 'indicator-chart', 'element.js'), 'utf8').catch(() => null);
    const { minify } = await import('../../tools/minify.mjs');
    assert.equal(installed, minify(await readFile(path.join(REPO, 'js', 'element.js'), 'utf8')), 'examples/vite has the current tarball installed: run ./build.sh test');
    const assets = await readdir(path.join(VITE, 'dist', 'assets'));
    const wasm = assets.filter((f) => f.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one .wasm in dist/assets: ${assets}`);
    assert.ok((await readFile(path.join(VITE, 'dist', 'assets', wasm[0]))).equals(await readFile(path.join(PKG, 'indicator_chart_bg.wasm'))),
      "dist/ has the package's current .wasm: run ./build.sh test");
    const dist = await startServer({ root: path.join(VITE, 'dist'), port: 0 });
    const page = await newPage({ dpr: 2, baseUrl: dist.url, path: '/index.html' });
    try {
      await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state), null, { timeout: 20_000 });
      assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready', `state: ${await page.locator('#status').textContent()}; ${page.errors}`);
      await assertRenders(page, 'indicator-chart');
      await page.evaluate(() => { window.charts = { 'api-chart': window.apiChart }; });
      await assertRenders(page, '#api-chart');
      assert.equal(await page.evaluate(() => window.__wasmInstantiations), 1, 'one WebAssembly instance for both');
      assert.equal(page.wasmRequests, 1, 'the .wasm is fetched once');
      await screenshot(page, 'package-vite', { fullPage: true });
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
      await dist.close();
    }
  });

  test('the no-build page renders (served as static files, under a strict CSP)', TIMEOUT, async () => {
    const page = await newPage({ baseUrl: server.url, path: '/examples/no-build/index.html' });
    try {
      await assertRenders(page, '#element-chart', { options: { view: 'headline', locale: 'zh', theme: 'auto' } });
      await page.waitForFunction(() => window.apiChart != null, null, { timeout: 20_000 });
      await page.evaluate(() => { window.charts = { 'api-chart': window.apiChart }; });
      await assertRenders(page, '#api-chart', { options: { view: 'money', locale: 'en' } });
      await screenshot(page, 'package-no-build', { fullPage: true });
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });
});

// ------------------------------------------------------------------ (4)–(6) the element

/** Adds <indicator-chart> elements with the given attributes to the clean page; resolves to their ids. */
function addElements(page, list) {
  return page.evaluate(({ list, data }) => list.map((attrs, i) => {
    const el = document.createElement('indicator-chart');
    el.id = attrs.id ?? `c${document.querySelectorAll('indicator-chart').length}-${i}`;
    for (const [k, v] of Object.entries(attrs)) if (k !== 'id') el.setAttribute(k, v);
    if (!('src' in attrs)) el.setAttribute('src', data);
    document.body.append(el);
    return `#${el.id}`;
  }), { list, data: DATA });
}

describe('<indicator-chart>', () => {
  for (const n of [2, 3]) {
    test(`${n} elements on one page render independently and share one WebAssembly instance`, TIMEOUT, async () => {
      const page = await newPage({ baseUrl: server.url, path: '/examples/hostile/clean.html' });
      try {
        const views = ['headline', 'rates', 'money'].slice(0, n);
        const sels = await addElements(page, views.map((view) => ({ view })));
        for (const sel of sels) await assertRenders(page, sel);
        const got = await page.evaluate((sels) => sels.map((s) => {
          const c = document.querySelector(s).chart;
          return { view: c.getState().view, png: c.toPng() };
        }), sels);
        assert.deepEqual(got.map((g) => g.view), views, 'each shows its own view');
        assert.equal(new Set(got.map((g) => g.png)).size, n, 'and draws it');
        // Interacting with one leaves the others alone.
        const focus = await page.evaluate((sels) => {
          const charts = sels.map((s) => document.querySelector(s).chart);
          const csv = charts[0].toCsv().split('\r\n');
          const firstId = charts[0].getState().rows > 0 && charts[0].barRect(0) ? charts[0] : null;
          // Focus the first bar of the first chart through the keyboard.
          const canvas = document.querySelector(sels[0]).shadowRoot.querySelector('canvas');
          canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
          return { focus: charts.map((c) => c.getState().focus), rows: csv.length, firstId: !!firstId };
        }, sels);
        assert.deepEqual(focus.focus, [0, ...Array(n - 1).fill(null)], `only the first chart has a bar in focus: ${JSON.stringify(focus)}`);
        assert.equal(await page.evaluate(() => window.__wasmInstantiations), 1, 'WebAssembly.instantiate* called once');
        assert.equal(page.wasmRequests, 1, 'the .wasm is fetched once');
        assert.deepEqual(page.errors, []);
      } finally {
        await page.context().close();
      }
    });
  }

  test('removing an element cleans up: no observer left observing, no listener left on window or document', TIMEOUT, async () => {
    const page = await newPage({ baseUrl: server.url, path: '/examples/hostile/clean.html' });
    try {
      // Load the module first so its own one-time setup is not counted.
      await page.evaluate(async () => (await import(new URL('../../pkg/index.js', location.href).href)).init());
      const baseline = await page.evaluate(() => ({ observed: window.__observed(), listeners: window.__globalListeners() }));
      const [sel] = await addElements(page, [{ view: 'headline' }]);
      await assertRenders(page, sel);
      const during = await page.evaluate(() => ({ observed: window.__observed(), listeners: window.__globalListeners() }));
      assert.ok(during.observed > baseline.observed, `the element observes its size while in the page: ${JSON.stringify({ baseline, during })}`);
      assert.ok(during.listeners.length > baseline.listeners.length, `the instrumentation sees the chart's listeners: ${JSON.stringify({ baseline, during })}`);
      const afterRemove = await page.evaluate(async (sel) => {
        const el = document.querySelector(sel);
        const chart = el.chart;
        el.remove();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
        window.__removed = el;
        return {
          observed: window.__observed(),
          listeners: window.__globalListeners(),
          alive: chart.isAlive,
          chart: el.chart,
          shadowChildren: el.shadowRoot.querySelector('.box').childElementCount,
        };
      }, sel);
      assert.equal(afterRemove.observed, baseline.observed, `no ResizeObserver target left: ${JSON.stringify({ baseline, afterRemove })}`);
      assert.deepEqual(afterRemove.listeners, baseline.listeners, 'no listener left on window, document or a media query');
      assert.equal(afterRemove.alive, false, 'the chart was destroyed');
      assert.equal(afterRemove.chart, null);
      assert.equal(afterRemove.shadowChildren, 0, 'its DOM is gone');
      // Put back, it draws again (from the data it already has: no second download).
      const fetches = [];
      page.on('request', (r) => fetches.push(r.url()));
      await page.evaluate(() => document.body.append(window.__removed));
      await assertRenders(page, sel);
      assert.deepEqual(fetches.filter((u) => u.endsWith('.json')), [], 'no refetch when re-attached');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });

  test('attribute changes re-render: view, locale, theme, section, sort, height', TIMEOUT, async () => {
    const page = await newPage({ baseUrl: server.url, path: '/examples/hostile/clean.html' });
    try {
      const [sel] = await addElements(page, [{ view: 'headline', locale: 'zh', theme: 'light' }]);
      await assertRenders(page, sel);
      const change = (attrs) => page.evaluate(async ({ sel, attrs }) => {
        const el = document.querySelector(sel);
        const before = el.chart.toPng();
        const rendered = new Promise((r) => el.addEventListener('render', r, { once: true }));
        for (const [k, v] of Object.entries(attrs)) {
          if (v === null) el.removeAttribute(k);
          else el.setAttribute(k, v);
        }
        await Promise.race([rendered, new Promise((r) => setTimeout(r, 3000))]);
        const st = el.chart.getState();
        return { st, changed: el.chart.toPng() !== before, msg: el.shadowRoot.querySelector('.msg').hidden ? null : el.shadowRoot.querySelector('.msg').textContent };
      }, { sel, attrs });
      let r = await change({ view: 'rates' });
      assert.equal(r.st.view, 'rates');
      assert.ok(r.changed, 'view: redrawn');
      r = await change({ locale: 'en' });
      assert.equal(r.st.locale, 'en');
      assert.ok(r.changed, 'locale: redrawn');
      r = await change({ theme: 'dark' });
      assert.equal(r.st.theme, 'dark');
      assert.ok(r.changed, 'theme: redrawn');
      const s = await chartInfo(page, sel);
      assert.ok(s.corner[0] + s.corner[1] + s.corner[2] < 3 * 100, `dark background: ${s.corner}`);
      r = await change({ view: 'section', section: 's2' });
      assert.equal(r.st.view, 'section');
      assert.equal(r.st.section, 's2');
      r = await change({ sort: 'value' });
      assert.equal(r.st.sort, 'value');
      r = await change({ height: '300' });
      assert.equal(r.st.height, 300);
      // Removing attributes goes back to the defaults.
      r = await change({ view: null, section: null, locale: null, theme: null, sort: null, height: null });
      assert.deepEqual([r.st.view, r.st.section, r.st.locale, r.st.sort], ['headline', null, 'zh', 'report']);
      // An invalid value is refused with a message in the element; the chart stays as it was.
      r = await change({ view: 'pie' });
      assert.equal(r.st.view, 'headline');
      assert.match(r.msg ?? '', /unknown view "pie"/);
      r = await change({ view: 'money' });
      assert.equal(r.msg, null, 'the message goes when the value is fixed');
      assert.equal(r.st.view, 'money');
      // A new src loads the new data.
      await page.evaluate((sel) => { document.querySelector(sel).src = '../../www/data/report-2022.json?again'; }, sel);
      await page.waitForFunction((sel) => document.querySelector(sel).state === 'ready', sel);
      await assertRenders(page, sel);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });

  test('.data takes a dataset object instead of src', TIMEOUT, async () => {
    const page = await newPage({ baseUrl: server.url, path: '/examples/hostile/clean.html' });
    try {
      await page.evaluate(async (data) => {
        const ds = await (await fetch(data)).json();
        const el = document.createElement('indicator-chart');
        el.id = 'prop';
        el.setAttribute('view', 'overview');
        el.data = ds;
        document.body.append(el);
      }, DATA);
      await assertRenders(page, '#prop');
      assert.equal(await page.evaluate(() => document.querySelector('#prop').chart.getState().view), 'overview');
      // A select on the canvas bubbles out of the shadow root as a DOM event.
      const detail = await page.evaluate(async () => {
        const el = document.querySelector('#prop');
        const got = new Promise((r) => document.addEventListener('select', (e) => r({ detail: e.detail, target: e.target.id, composed: e.composed }), { once: true }));
        const canvas = el.shadowRoot.querySelector('canvas');
        canvas.focus();
        canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
        canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        return got;
      });
      assert.equal(detail.target, 'prop');
      assert.equal(detail.composed, true);
      assert.equal(detail.detail.type, 'select');
      assert.ok(detail.detail.section?.id, `the payload names the section: ${JSON.stringify(detail.detail)}`);
      // The page's styling hooks: `hidden`, and --indicator-chart-display for another display.
      const displays = await page.evaluate(() => {
        const el = document.querySelector('#prop');
        const d = () => getComputedStyle(el).display;
        const out = [d()];
        el.hidden = true;
        out.push(d());
        el.hidden = false;
        el.style.setProperty('--indicator-chart-display', 'inline-block');
        out.push(d());
        el.style.removeProperty('--indicator-chart-display');
        return out;
      });
      assert.deepEqual(displays, ['block', 'none', 'inline-block']);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });

  test('data that cannot load shows a clear message inside the element', TIMEOUT, async () => {
    const page = await newPage({ baseUrl: server.url, path: '/examples/hostile/clean.html' });
    try {
      await page.route('**/fake/500.json', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }));
      await page.route('**/fake/hang.json', () => {}); // never answers
      await page.route('**/fake/bad.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"title": 1}' }));
      const cases = [
        { src: 'does-not-exist.json', want: /HTTP 404/ },
        { src: 'fake/500.json', want: /HTTP 500/ },
        { src: 'clean.html', want: /web page .*not JSON/ },
        { src: 'fake/hang.json', timeout: '1500', want: /no answer within 1\.5 s \(timed out\)/ },
        { src: 'fake/bad.json', want: /title.*expected/ },
      ];
      const sels = await addElements(page, cases.map(({ src, timeout }) => (timeout ? { src, timeout } : { src })));
      for (const [i, c] of cases.entries()) {
        const sel = sels[i];
        await page.waitForFunction((sel) => document.querySelector(sel).state === 'error', sel, { timeout: 10_000 });
        const got = await page.evaluate((sel) => {
          const el = document.querySelector(sel);
          const msg = el.shadowRoot.querySelector('.msg');
          const r = msg.getBoundingClientRect();
          return { error: el.error, text: msg.textContent, role: msg.getAttribute('role'), visible: !msg.hidden && r.width > 100 && r.height > 10 };
        }, sel);
        assert.match(got.text, c.want, `${c.src}: ${JSON.stringify(got)}`);
        assert.ok(got.text.includes(c.src.replace(/^fake\//, '')) || c.src.startsWith('fake/bad'), `${c.src}: the message names the address: ${got.text}`);
        assert.ok(got.visible, `${c.src}: the message is visible: ${JSON.stringify(got)}`);
        assert.equal(got.role, 'alert');
      }
      await screenshot(page, 'package-load-errors', { fullPage: true });
      assert.deepEqual(page.pageErrors, [], 'no uncaught errors');
    } finally {
      await page.context().close();
    }
  });
});

// ------------------------------------------------------------------ (7) hostile host pages

describe('hostile host pages (examples/hostile/)', () => {
  const both = async (page, { dpr, expectWidth = {} } = {}) => {
    await page.waitForFunction(() => window.hostileReady || window.hostileError, null, { timeout: 20_000 });
    assert.equal(await page.evaluate(() => window.hostileError ?? null), null);
    await assertRenders(page, '#el', { expectWidth: expectWidth.el, options: { view: 'headline' } });
    await assertRenders(page, '#api', { expectWidth: expectWidth.api, options: { view: 'rates' } });
    assert.equal(await page.evaluate(() => window.__wasmInstantiations), 1);
  };

  test('* { all: unset }', TIMEOUT, async () => {
    const page = await newPage({ dpr: 2, baseUrl: server.url, path: '/examples/hostile/all-unset.html' });
    try {
      await both(page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#el')).display), 'block', 'the element stays a block');
      await screenshot(page, 'hostile-all-unset', { fullPage: true });
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });

  test('canvas { width: 10px !important; height: 10px !important }', TIMEOUT, async () => {
    const page = await newPage({ dpr: 1, baseUrl: server.url, path: '/examples/hostile/canvas-width.html' });
    try {
      await both(page);
      await screenshot(page, 'hostile-canvas-width', { fullPage: true });
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });

  test('body { direction: rtl; zoom: 1.5 }', TIMEOUT, async () => {
    const page = await newPage({ dpr: 1, baseUrl: server.url, path: '/examples/hostile/rtl-zoom.html' });
    try {
      await both(page);
      await screenshot(page, 'hostile-rtl-zoom', { fullPage: true });
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });

  test('a dark page (dark background, light text, color-scheme: dark)', TIMEOUT, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await newPage({ dpr: 2, colorScheme, baseUrl: server.url, path: '/examples/hostile/dark.html' });
      try {
        await page.waitForFunction(() => window.hostileReady || window.hostileError, null, { timeout: 20_000 });
        await assertRenders(page, '#el', { colorScheme, options: { view: 'headline' } });
        await assertRenders(page, '#api', { colorScheme, options: { view: 'rates' } });
        const theme = await page.evaluate(() => document.querySelector('#el').chart.getState().theme);
        assert.equal(theme, colorScheme, 'theme="auto" follows the reader, not the page');
        await screenshot(page, `hostile-dark-${colorScheme}`, { fullPage: true });
        assert.deepEqual(page.errors, []);
      } finally {
        await page.context().close();
      }
    }
  });

  test('fixed and fluid containers; the fluid ones follow the window', TIMEOUT, async () => {
    const page = await newPage({ dpr: 2, width: 1280, baseUrl: server.url, path: '/examples/hostile/containers.html' });
    try {
      await page.waitForFunction(() => window.hostileReady || window.hostileError, null, { timeout: 20_000 });
      for (const sel of ['#el-fixed', '#api-fixed']) await assertRenders(page, sel, { expectWidth: 420 });
      const fluid = () => page.evaluate(() => document.querySelector('.fluid').getBoundingClientRect().width - 2);
      for (const sel of ['#el-fluid', '#api-fluid']) await assertRenders(page, sel, { expectWidth: await fluid() });
      await page.setViewportSize({ width: 800, height: 800 });
      const w = await fluid();
      await page.waitForFunction((w) => ['#el-fluid', '#api-fluid'].every((sel) => {
        const h = document.querySelector(sel);
        return Math.abs((h.chart ?? window.charts[h.id]).getState().width - w) <= 1;
      }), w, { timeout: 5000 });
      for (const sel of ['#el-fluid', '#api-fluid']) await assertRenders(page, sel, { expectWidth: w });
      for (const sel of ['#el-fixed', '#api-fixed']) await assertRenders(page, sel, { expectWidth: 420 });
      await screenshot(page, 'hostile-containers', { fullPage: true });
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });

  test('a container hidden at mount (zero size), shown later', TIMEOUT, async () => {
    const page = await newPage({ dpr: 2, baseUrl: server.url, path: '/examples/hostile/hidden.html' });
    try {
      await page.waitForFunction(() => window.hostileReady && document.querySelector('#el').state === 'ready', null, { timeout: 20_000 });
      const hidden = await page.evaluate(() => [document.querySelector('#el').chart.getState().width, window.charts.api.getState().width]);
      assert.deepEqual(hidden, [0, 0], 'nothing is drawn while hidden');
      await page.evaluate(() => document.querySelector('#later').classList.add('shown'));
      await both(page);
      await screenshot(page, 'hostile-hidden-shown', { fullPage: true });
      // The hidden mount warns once (a console warning, not an error).
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });

  test('a page that only imports the element and never calls init()', TIMEOUT, async () => {
    const page = await newPage({ dpr: 1, baseUrl: server.url, path: '/examples/hostile/no-init.html' });
    try {
      await assertRenders(page, '#el', { options: { view: 'headline' } });
      assert.equal(await page.evaluate(() => window.__wasmInstantiations), 1);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });
});
