#!/usr/bin/env node
// The performance benchmark: the widget against Apache ECharts, Chart.js and hand-written
// Canvas2D, in one run of headless Chromium at devicePixelRatio 2 on a 1200×600 CSS-px
// chart. Run by `./build.sh bench` (which builds pkg/, the widget without the extractor, and
// installs bench/node_modules);
// see bench/README.md for what is measured and how.
//
//   node bench/run.mjs            the full run: N = 100, 10,000, 100,000
//   environment:
//     BENCH_SIZES=100,10000         the sizes to run
//     BENCH_ONLY=widget,raw         the contestants to run (widget, echarts, chartjs, raw)
//     BENCH_QUICK=1                 fewer repeats (a smoke test; figures are not reportable)
//     BENCH_TIMEOUT_MS=30000        per-measurement timeout (recorded as "timeout")
//     BENCH_SHOTS=/tmp/…            where the screenshots go (one per contestant and N)
//     BENCH_NO_WRITE=1              print only; leave results.json and README.md alone
//     BENCH_NO_LOAD=1               skip the time-to-first-chart loads (bench/load.mjs)
//     BENCH_LOAD_ONLY=1             only those loads
import { createRequire } from 'node:module';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/browser/helpers.mjs';
import { startServer } from '../tools/serve.mjs';
import { loadTimes, loadTable } from './load.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
// The widget without the extractor: the npm package's build (./build.sh package). The host
// page's www/pkg also carries the in-browser extractor; it is sized for reference only.
const PKG = path.join(REPO, 'pkg');
const WWW_PKG = path.join(REPO, 'www', 'pkg');
const requireBench = createRequire(path.join(BENCH, 'package.json'));

const CONTESTANTS = ['widget', 'raw', 'echarts', 'chartjs'];
const LABEL = { widget: 'widget (wasm)', raw: 'raw Canvas2D', echarts: 'ECharts', chartjs: 'Chart.js' };
const env = process.env;
const SIZES = (env.BENCH_SIZES ?? '100,10000,100000').split(',').map(Number).filter((n) => n > 0);
const ONLY = env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map((s) => s.trim()) : CONTESTANTS;
const QUICK = !!env.BENCH_QUICK && env.BENCH_QUICK !== '0';
const TIMEOUT = Number(env.BENCH_TIMEOUT_MS ?? 30_000);
const SHOTS = env.BENCH_SHOTS ?? path.join(os.tmpdir(), 'indicator-chart-bench');
const WRITE = !env.BENCH_NO_WRITE || env.BENCH_NO_WRITE === '0';
const LOAD = env.BENCH_NO_LOAD !== '1';
const LOAD_ONLY = env.BENCH_LOAD_ONLY === '1';

/** Repeats per size: fewer at 100,000, where a peer's render takes seconds. */
function plan(n) {
  if (QUICK) return { warmup: 1, repeats: 2, hoverWarmup: 2, hovers: 5, runs: 1, runLength: 3 };
  if (n >= 100_000) return { warmup: 1, repeats: 3, hoverWarmup: 3, hovers: 15, runs: 3, runLength: 3 };
  if (n >= 10_000) return { warmup: 1, repeats: 5, hoverWarmup: 3, hovers: 30, runs: 5, runLength: 10 };
  return { warmup: 1, repeats: 7, hoverWarmup: 3, hovers: 40, runs: 5, runLength: 10 };
}

const RESIZE_TO = { w: 1000, h: 600 };
const VIEWPORT = { width: 1300, height: 700 };

// ------------------------------------------------------------------ helpers

const log = (...a) => console.log(...a);
/** Bytes after `gzip -9` (GNU gzip, as ./build.sh package measures the 100 kB budget; its
 * deflate differs from zlib's by a few hundred bytes on the widget), zlib level 9 if there
 * is no gzip. A file's name is not in the stream (read from stdin). */
function gzipSize(buf) {
  try {
    return execFileSync('gzip', ['-9c'], { input: buf, maxBuffer: 64 << 20 }).length;
  } catch {
    return zlib.gzipSync(buf, { level: 9 }).length;
  }
}

class Timeout extends Error {}
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`${what}: no answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function stats(samples) {
  const ok = samples.filter((s) => typeof s?.ms === 'number');
  const timeouts = samples.filter((s) => s?.timeout).length;
  const errors = samples.filter((s) => s?.error).map((s) => s.error);
  if (ok.length === 0) return { median: null, min: null, max: null, runs: 0, timeouts, errors: errors.length ? errors : undefined };
  const med = (xs) => {
    const v = [...xs].sort((a, b) => a - b);
    const m = v.length >> 1;
    return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
  };
  const ms = ok.map((s) => s.ms);
  const el = ok.map((s) => s.elapsed);
  const r3 = (x) => Math.round(x * 1000) / 1000;
  return {
    median: r3(med(ms)),
    min: r3(Math.min(...ms)),
    max: r3(Math.max(...ms)),
    runs: ok.length,
    timeouts,
    elapsedMedian: r3(med(el)),
    samples: ms.map(r3),
    ...(ok.some((s) => 'visible' in s) ? { highlightVisible: ok.filter((s) => s.visible).length } : {}),
    ...(errors.length ? { errors } : {}),
  };
}

function machine(browserVersion) {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) cpu = m[1].trim();
  } catch {}
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {}
  let commit = null;
  try {
    commit = execFileSync('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', REPO, 'status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock'], { encoding: 'utf8' }).trim();
    if (dirty) commit += ' (with uncommitted changes in src/)';
  } catch {}
  return {
    nproc,
    cpu,
    memoryGB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: browserVersion,
    commit,
  };
}

// ------------------------------------------------------------------ transferred bytes

async function bundle(contents, resolveDir) {
  const esbuild = requireBench('esbuild');
  const r = await esbuild.build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true, minify: true, format: 'esm', write: false, treeShaking: true, legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent',
  });
  return Buffer.from(r.outputFiles[0].contents);
}

async function measureSizes(vendor) {
  const file = async (label, p) => {
    const buf = await readFile(p);
    return { file: label, bytes: buf.length, gzip: gzipSize(buf) };
  };
  const entry = (files, note) => ({
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    ...(note ? { note } : {}),
  });
  // The crate's own JS modules that the glue imports (src/web_loader.js), under snippets/.
  const snippets = async (dir, prefix) => {
    const root = path.join(dir, 'snippets');
    if (!existsSync(root)) return [];
    const found = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.js')).sort();
    return Promise.all(found.map((f) => file(`${prefix}/snippets/${f}`, path.join(root, f))));
  };
  const sizes = {};
  sizes.widget = entry([
    await file('pkg/indicator_chart.js', path.join(PKG, 'indicator_chart.js')),
    await file('pkg/indicator_chart_bg.wasm', path.join(PKG, 'indicator_chart_bg.wasm')),
    ...(await snippets(PKG, 'pkg')),
  ], 'the npm package build (no extractor), as loaded in this run');
  if (existsSync(path.join(PKG, 'index.js'))) {
    sizes.widgetPackageEntry = entry(
      [await file('pkg/index.js', path.join(PKG, 'index.js')), await file('pkg/element.js', path.join(PKG, 'element.js'))],
      "the package's entries: index.js (createChart) and element.js (<indicator-chart>), both loaded by the element page",
    );
  }
  if (existsSync(path.join(WWW_PKG, 'indicator_chart_bg.wasm'))) {
    sizes.widgetWithExtractor = entry([
      await file('www/pkg/indicator_chart.js', path.join(WWW_PKG, 'indicator_chart.js')),
      await file('www/pkg/indicator_chart_bg.wasm', path.join(WWW_PKG, 'indicator_chart_bg.wasm')),
      ...(await snippets(WWW_PKG, 'www/pkg')),
    ], "the host page's build, with the in-browser extractor (reference only)");
  }
  sizes.echarts = entry([await file(`echarts ${vendor.echarts.version} dist/echarts.min.js`, vendor.echarts.file)], 'the full build, as loaded in this run');
  sizes.chartjs = entry([await file(`chart.js ${vendor.chartjs.version} dist/chart.umd.min.js`, vendor.chartjs.file)], 'the full build, as loaded in this run');
  const shaken = async (key, label, code, note) => {
    try {
      const buf = await bundle(code, BENCH);
      sizes[key] = entry([{ file: label, bytes: buf.length, gzip: gzipSize(buf) }], note);
    } catch (e) {
      sizes[key] = { error: String(e.message ?? e) };
    }
  };
  await shaken('chartjsTreeShaken', `chart.js ${vendor.chartjs.version}, esbuild bundle of the bar chart parts`,
    `import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Title, SubTitle } from 'chart.js';
     Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Title, SubTitle);
     export { Chart };`,
    'esbuild --bundle --minify of Chart + BarController, BarElement, CategoryScale, LinearScale, Tooltip, Title, SubTitle (not loaded in the run; size only)');
  await shaken('echartsTreeShaken', `echarts ${vendor.echarts.version}, esbuild bundle of the bar chart parts`,
    `import * as echarts from 'echarts/core';
     import { BarChart } from 'echarts/charts';
     import { GridComponent, TooltipComponent, TitleComponent } from 'echarts/components';
     import { CanvasRenderer } from 'echarts/renderers';
     echarts.use([BarChart, GridComponent, TooltipComponent, TitleComponent, CanvasRenderer]);
     export { echarts };`,
    'esbuild --bundle --minify of echarts/core + BarChart, Grid, Tooltip, Title, CanvasRenderer (not loaded in the run; size only)');
  try {
    const esbuild = requireBench('esbuild');
    const src = await readFile(path.join(BENCH, 'pages', 'raw.js'), 'utf8');
    const out = Buffer.from((await esbuild.transform(src, { minify: true, format: 'esm' })).code);
    sizes.raw = entry([{ file: 'bench/pages/raw.js (minified, without the shared harness)', bytes: out.length, gzip: gzipSize(out) }], 'the drawing code of this page only');
  } catch (e) {
    sizes.raw = { error: String(e.message ?? e) };
  }
  return sizes;
}

// ------------------------------------------------------------------ one contestant at one size

async function suite(browser, url, name, n) {
  const p = plan(n);
  const out = { contestant: name, n, plan: p, render: [], update: [], updateRun: [], resize: [], hover: [], errors: [] };
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: VIEWPORT, colorScheme: 'light' });
  const page = await context.newPage();
  page.on('pageerror', (e) => out.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon\.ico$/.test(m.location()?.url ?? '')) out.errors.push(`console.error: ${m.text()}`);
  });
  const call = (fn, arg, what) => withTimeout(page.evaluate(fn, arg), TIMEOUT + 15_000, `${name} N=${n} ${what}`);
  const bad = (r) => !r || r.timeout || r.error;
  const t0 = Date.now();
  try {
    await page.goto(`${url}/pages/${name}.html`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
    await page.evaluate((t) => (window.benchTimeout = t), TIMEOUT);

    // The cold first render (the page's first mount; not in the medians).
    const cold = await call((n) => window.bench.mount(n), n, 'cold mount');
    out.coldRender = cold;
    if (bad(cold)) throw Object.assign(new Error('cold mount failed'), { result: cold });
    out.state = cold.state;
    await call(() => window.bench.settle(2), undefined, 'settle');

    // Warm-up (discarded): update, resize there and back, destroy, mount again.
    const cycle = async (seed, keep) => {
      for (const [what, fn, arg] of [
        ['update', (a) => window.bench.update(a.n, a.seed), { n, seed }],
        ['resize', (s) => window.bench.resize(s.w, s.h), RESIZE_TO],
        ['resize', (s) => window.bench.resize(s.w, s.h), { w: 1200, h: 600 }],
      ]) {
        const r = await call(fn, arg, what);
        if (keep) out[what].push(r);
        if (bad(r)) return false;
        await call(() => window.bench.settle(2), undefined, 'settle');
      }
      await call(() => window.bench.destroy(), undefined, 'destroy');
      await call(() => window.bench.settle(2), undefined, 'settle');
      return true;
    };
    let ok = await cycle(2, false);
    for (let w = 1; ok && w < p.warmup; w++) {
      ok = !bad(await call((n) => window.bench.mount(n), n, 'mount')) && (await cycle(2, false));
    }
    // The timed repeats.
    for (let r = 0; ok && r < p.repeats; r++) {
      const m = await call((n) => window.bench.mount(n), n, 'mount');
      out.render.push(m);
      if (bad(m)) break;
      out.state = m.state;
      await call(() => window.bench.settle(2), undefined, 'settle');
      ok = await cycle(3 + r, true);
    }

    // Updates in a row with a fresh object each time, timed as main-thread task time
    // (CDP): what an app that streams data pays, the chart's deferred work included.
    if (ok) {
      const m = await call((n) => window.bench.mount(n), n, 'mount for update run');
      if (bad(m)) throw Object.assign(new Error('mount for update run failed'), { result: m });
      await call(() => window.bench.settle(3), undefined, 'settle');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'TaskDuration').value;
      for (let r = 0; r < p.runs; r++) {
        const before = await task();
        const u = await call((a) => window.bench.updateRun(a.n, a.k), { n, k: p.runLength }, 'update run');
        const after = await task();
        out.updateRun.push(bad(u) ? u : { ms: ((after - before) * 1000) / p.runLength, elapsed: u.elapsed });
        if (bad(u)) break;
        await call(() => window.bench.settle(2), undefined, 'settle');
      }
      await cdp.detach().catch(() => {});
      await call(() => window.bench.destroy(), undefined, 'destroy');
      await call(() => window.bench.settle(2), undefined, 'settle');
    }

    // Hover: the real pointer (page.mouse.move) to the centre of a bar, timed in the page
    // from the pointermove to the highlight and tooltip drawn.
    if (ok) {
      const m = await call((n) => window.bench.mount(n), n, 'mount for hover');
      if (bad(m)) throw Object.assign(new Error('mount for hover failed'), { result: m });
      await page.mouse.move(2, 2);
      await call(() => window.bench.settle(3), undefined, 'settle');
      for (let k = 0; k < p.hoverWarmup + p.hovers; k++) {
        const at = await call((k) => {
          window.__hover = window.bench.hover(window.bench.hoverTarget(k));
          return window.__hover.at;
        }, k, 'hover arm');
        await page.mouse.move(at.x, at.y);
        const r = await call(() => window.__hover.done, undefined, 'hover');
        if (k >= p.hoverWarmup) out.hover.push(r);
        if (bad(r)) break;
        await call(() => window.bench.settle(2), undefined, 'settle');
      }
      if (SHOTS) {
        // A picture with a hover, for comparing what the contestants draw.
        await mkdir(SHOTS, { recursive: true });
        const at = await page.evaluate(() => {
          const h = window.bench.hover(window.bench.hoverTarget(1));
          return h.at;
        });
        await page.mouse.move(at.x, at.y);
        await page.evaluate(() => window.bench.settle(3));
        out.screenshot = path.join(SHOTS, `${name}-${n}.png`);
        await page.screenshot({ path: out.screenshot, clip: { x: 0, y: 0, width: 1240, height: 640 } });
      }
    }
    await page.close();

    // Memory, in a page of its own (a DevTools session attached to the timed page could
    // slow it): JS heap after a forced GC, before and after the first render.
    const mem = await context.newPage();
    await mem.goto(`${url}/pages/${name}.html`);
    await mem.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
    await mem.evaluate((t) => (window.benchTimeout = t), TIMEOUT);
    const cdp = await context.newCDPSession(mem);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    out.heapBeforeMount = await heap();
    const m = await withTimeout(mem.evaluate((n) => window.bench.mount(n), n), TIMEOUT + 15_000, `${name} N=${n} memory mount`);
    if (!bad(m)) {
      await mem.evaluate(() => window.bench.settle(2));
      out.heapAfterRender = await heap();
      out.wasmMemory = m.state?.wasmMemory ?? null;
    }
  } catch (e) {
    out.errors.push(e instanceof Timeout ? `timeout: ${e.message}` : `${e.message}${e.result ? ' ' + JSON.stringify(e.result) : ''}`);
    if (e instanceof Timeout) out.driverTimeout = true;
  } finally {
    out.seconds = Math.round((Date.now() - t0) / 100) / 10;
    await withTimeout(context.close(), 20_000, 'close').catch(() => {});
  }
  return out;
}

// ------------------------------------------------------------------ the table

const fmtMs = (s) => {
  if (!s || s.median == null) return s?.timeouts ? 'timeout' : '—';
  const f = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  return `${f(s.median)} (${f(s.min)}–${f(s.max)})${s.timeouts ? ` +${s.timeouts} timeout` : ''}`;
};
const fmtRatio = (r) => (r == null ? '—' : `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`);
const fmtMB = (b) => (b == null ? '—' : `${(b / 2 ** 20).toFixed(1)} MB`);
const fmtKB = (b) => (b == null ? '—' : `${(b / 1000).toFixed(1)} kB`);

function table(results) {
  const lines = [];
  lines.push('| N | contestant | rows / bars shown | first render ms | ×raw | update ms | ×raw | updates in a row, task ms each | ×raw | hover ms | ×raw | resize ms | ×raw | JS heap | wasm memory |');
  lines.push('|---:|---|---|---|---:|---|---:|---|---:|---|---:|---|---:|---:|---:|');
  for (const r of results) {
    const st = r.state ?? {};
    const shown = st.rows != null ? `${st.rows.toLocaleString('en')} / ${(st.bars ?? st.rows).toLocaleString('en')}` : '—';
    lines.push(`| ${r.n.toLocaleString('en')} | ${LABEL[r.contestant]} | ${shown} | ${fmtMs(r.stats.render)} | ${fmtRatio(r.ratio.render)} | ${fmtMs(r.stats.update)} | ${fmtRatio(r.ratio.update)} | ${fmtMs(r.stats.updateRun)} | ${fmtRatio(r.ratio.updateRun)} | ${fmtMs(r.stats.hover)} | ${fmtRatio(r.ratio.hover)} | ${fmtMs(r.stats.resize)} | ${fmtRatio(r.ratio.resize)} | ${fmtMB(r.heapAfterRender)} | ${fmtMB(r.wasmMemory)} |`);
  }
  return lines.join('\n');
}

function sizeTable(sizes) {
  const rows = [
    ['widget', 'widget: pkg/indicator_chart.js (with the loader folded in) + indicator_chart_bg.wasm (no extractor)'],
    ['widgetPackageEntry', "widget: + the package's index.js and element.js"],
    ['widgetWithExtractor', 'widget with the extractor (www/pkg, the host page; reference)'],
    ['raw', 'raw Canvas2D: its page script'],
    ['echarts', 'ECharts: dist/echarts.min.js (full)'],
    ['echartsTreeShaken', 'ECharts: bar chart parts only (esbuild)'],
    ['chartjs', 'Chart.js: dist/chart.umd.min.js (full)'],
    ['chartjsTreeShaken', 'Chart.js: bar chart parts only (esbuild)'],
  ];
  const lines = ['| code | bytes | gzip -9 |', '|---|---:|---:|'];
  for (const [k, label] of rows) {
    const s = sizes[k];
    if (!s) continue;
    lines.push(s.error ? `| ${label} | error: ${s.error} | |` : `| ${label} | ${fmtKB(s.bytes)} | ${fmtKB(s.gzip)} |`);
  }
  return lines.join('\n');
}

function targets(results, sizes, load) {
  const by = (c, n) => results.find((r) => r.contestant === c && r.n === n);
  const ns = [...new Set(results.map((r) => r.n))];
  const lines = [];
  const check = (label, pass) => lines.push(`- ${pass === null ? '(not measured)' : pass ? 'met' : '**not met**'}: ${label}`);
  const med = (r, k) => r?.stats?.[k]?.median ?? null;
  const all = (f) => {
    const v = ns.map(f);
    return v.some((x) => x === null) ? null : v.every(Boolean);
  };
  const w = (n) => by('widget', n);
  const ratioOk = (k, lim) => (n) => (w(n)?.ratio?.[k] == null ? null : w(n).ratio[k] <= lim);
  check(`hover ≤ 1.5× raw Canvas2D at every N (${ns.map((n) => `${n}: ${fmtRatio(w(n)?.ratio?.hover)}`).join(', ')})`, all(ratioOk('hover', 1.5)));
  check(`updates in a row with a fresh object, task time ≤ 2× raw Canvas2D at every N (${ns.map((n) => `${n}: ${fmtRatio(w(n)?.ratio?.updateRun)}`).join(', ')})`, all(ratioOk('updateRun', 2)));
  for (const k of ['render', 'update']) {
    const name = k === 'render' ? 'first render' : 'update';
    check(`${name} ≤ 2× raw Canvas2D at every N (${ns.map((n) => `${n}: ${fmtRatio(w(n)?.ratio?.[k])}`).join(', ')})`, all(ratioOk(k, 2)));
    check(`${name} faster than ECharts and Chart.js at every N`, all((n) => {
      const mine = med(w(n), k);
      const peers = ['echarts', 'chartjs'].map((c) => by(c, n)).filter(Boolean);
      if (mine === null || peers.length === 0) return null;
      // A peer that timed out is slower.
      return peers.every((p) => med(p, k) === null ? p.stats?.[k]?.timeouts > 0 : mine < med(p, k));
    }));
  }
  const wz = sizes.widget?.gzip;
  const full = sizes.chartjs?.gzip;
  const shaken = sizes.chartjsTreeShaken?.gzip;
  check(`transferred bytes (gzip) smaller than Chart.js's full build (${fmtKB(wz)} vs ${fmtKB(full)})`, wz && full ? wz < full : null);
  check(`goal: smaller than a tree-shaken Chart.js bar chart (${fmtKB(wz)} vs ${fmtKB(shaken)})`, wz && shaken ? wz < shaken : null);
  check(`at most 100 kB gzip for every file the package's chart loads (${fmtKB(wz + (sizes.widgetPackageEntry?.gzip ?? 0))} with index.js and element.js)`, wz ? wz + (sizes.widgetPackageEntry?.gzip ?? 0) <= 100_000 : null);
  const lw = load?.slow?.widget?.median;
  const lc = load?.slow?.chartjs?.median;
  check(`first chart on a slow phone connection no later than Chart.js (${lw ?? '—'} ms vs ${lc ?? '—'} ms)`, lw && lc ? lw <= lc : null);
  return lines.join('\n');
}

// ------------------------------------------------------------------ main

async function main() {
  if (!existsSync(path.join(PKG, 'indicator_chart_bg.wasm'))) throw new Error('pkg/ (the widget without the extractor) is missing: run ./build.sh package (or ./build.sh bench)');
  const vendor = {};
  try {
    // Not require.resolve('x/package.json'): chart.js's "exports" does not list it.
    const ec = path.join(BENCH, 'node_modules', 'echarts', 'package.json');
    const cj = path.join(BENCH, 'node_modules', 'chart.js', 'package.json');
    vendor.echarts = { version: JSON.parse(readFileSync(ec, 'utf8')).version, file: path.join(path.dirname(ec), 'dist', 'echarts.min.js') };
    vendor.chartjs = { version: JSON.parse(readFileSync(cj, 'utf8')).version, file: path.join(path.dirname(cj), 'dist', 'chart.umd.min.js') };
  } catch (e) {
    throw new Error(`bench/node_modules is missing the peers: run (cd bench && npm ci) or ./build.sh bench (${e.message})`);
  }
  for (const v of Object.values(vendor)) if (!existsSync(v.file)) throw new Error(`not found: ${v.file}`);

  // A temporary web root: the pages, the widget's pkg and the peers' dist files.
  const root = await mkdtemp(path.join(os.tmpdir(), 'icbench-'));
  await cp(path.join(BENCH, 'pages'), path.join(root, 'pages'), { recursive: true });
  await mkdir(path.join(root, 'pkg'));
  for (const f of ['indicator_chart.js', 'indicator_chart_bg.wasm', 'index.js', 'element.js']) await cp(path.join(PKG, f), path.join(root, 'pkg', f));
  await cp(path.join(BENCH, 'load'), path.join(root, 'load'), { recursive: true });
  await mkdir(path.join(root, 'data'));
  await cp(path.join(REPO, 'www', 'data', 'report-2022.json'), path.join(root, 'data', 'report-2022.json'));
  if (existsSync(path.join(PKG, 'snippets'))) await cp(path.join(PKG, 'snippets'), path.join(root, 'pkg', 'snippets'), { recursive: true });
  await mkdir(path.join(root, 'vendor'));
  await cp(vendor.echarts.file, path.join(root, 'vendor', 'echarts.min.js'));
  await cp(vendor.chartjs.file, path.join(root, 'vendor', 'chart.umd.min.js'));

  const sizes = await measureSizes(vendor);
  const server = await startServer({ root, port: 0 });
  const browser = await launch();
  const loadStart = os.loadavg();
  const started = new Date();
  const results = [];
  try {
    const mach = machine(browser.version());
    log(`indicator-chart bench: ${started.toISOString()}, ${mach.nproc} × ${mach.cpu}, Chromium ${mach.chromium}, load ${loadStart.map((x) => x.toFixed(2)).join(' ')}`);
    log(`sizes N = ${SIZES.join(', ')}; contestants ${ONLY.join(', ')}${QUICK ? ' (QUICK: not reportable)' : ''}`);
    const load = LOAD ? await loadTimes(browser, root, { runs: QUICK ? 2 : 7, log }) : null;
    for (const n of LOAD_ONLY ? [] : SIZES) {
      for (const name of CONTESTANTS.filter((c) => ONLY.includes(c))) {
        process.stdout.write(`  N=${String(n).padStart(6)} ${name.padEnd(8)} … `);
        let r = await suite(browser, server.url, name, n);
        if (r.driverTimeout) {
          // The page stopped answering (on a loaded machine, the renderer can starve): once more.
          process.stdout.write(`page stopped answering (${r.errors.at(-1)}); again … `);
          const first = r;
          r = await suite(browser, server.url, name, n);
          r.errors.unshift(`first attempt: ${first.errors.join(' | ')}`);
        }
        results.push(r);
        const s = (k) => stats(r[k]).median;
        log(`render ${s('render') ?? '—'} ms, update ${s('update') ?? '—'} ms, update run ${s('updateRun') ?? '—'} ms, hover ${s('hover') ?? '—'} ms, resize ${s('resize') ?? '—'} ms (${r.seconds} s)` +
          (r.errors.length ? `\n      errors: ${r.errors.slice(0, 3).join(' | ')}` : ''));
      }
    }
    // Figures and ratios to raw Canvas2D at the same N.
    for (const r of results) {
      r.stats = {};
      for (const k of ['render', 'update', 'updateRun', 'hover', 'resize']) r.stats[k] = stats(r[k]);
    }
    for (const r of results) {
      const raw = results.find((x) => x.contestant === 'raw' && x.n === r.n);
      r.ratio = {};
      for (const k of ['render', 'update', 'updateRun', 'hover', 'resize']) {
        const a = r.stats[k].median;
        const b = raw?.stats?.[k]?.median;
        r.ratio[k] = a != null && b ? Math.round((a / b) * 1000) / 1000 : null;
      }
    }
    const finished = new Date();
    const doc = {
      date: started.toISOString(),
      finished: finished.toISOString(),
      machine: { ...mach, loadavgStart: loadStart, loadavgEnd: os.loadavg() },
      setup: {
        chart: '1200×600 CSS px, deviceScaleFactor 2, viewport 1300×700, headless Chromium (Debian), --disable-gpu (software raster)',
        widget: "pkg/indicator_chart.js (the npm package's build, without the extractor): mount(el, dataset, { view: 'section', section: 'bench', log: false, height: 600 })",
        peers: { echarts: vendor.echarts.version, 'chart.js': vendor.chartjs.version },
        sizes: SIZES,
        quick: QUICK,
        timeoutMs: TIMEOUT,
        resize: 'width 1200 → 1000 → 1200 CSS px at height 600; both resizes are samples',
        times: "ms = active time (elapsed minus idle waits for the next frame); elapsedMedian = wall time to the confirming pixel read; see bench/README.md",
        memory: 'JS heap: CDP Runtime.getHeapUsage().usedSize after HeapProfiler.collectGarbage, after the first render; wasm memory: the widget module\'s memory.buffer.byteLength',
      },
      sizes,
      load,
      results: results.map((r) => ({
        contestant: r.contestant,
        n: r.n,
        state: r.state ?? null,
        render: r.stats.render,
        update: r.stats.update,
        updateRun: r.stats.updateRun,
        hover: r.stats.hover,
        resize: r.stats.resize,
        ratioToRaw: r.ratio,
        coldRender: r.coldRender ? { ms: r.coldRender.ms, elapsed: r.coldRender.elapsed, timeout: r.coldRender.timeout } : null,
        heapBeforeMount: r.heapBeforeMount ?? null,
        heapAfterRender: r.heapAfterRender ?? null,
        wasmMemory: r.wasmMemory ?? null,
        plan: r.plan,
        seconds: r.seconds,
        errors: r.errors,
        screenshot: r.screenshot,
      })),
    };
    const when = `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const header = `Run ${when}: ${mach.nproc} × ${mach.cpu}, ${mach.memoryGB} GB, Chromium ${mach.chromium}, Node ${mach.node}` +
      `${mach.commit ? `, widget at ${mach.commit}` : ''}; load average ${loadStart.map((x) => x.toFixed(2)).join(' ')} at the start` +
      `${QUICK ? ' — QUICK run (BENCH_QUICK), not reportable' : ''}.`;
    const md = [header, '', table(results), '', sizeTable(sizes), '', loadTable(load), '', 'Targets (ratios from this run):', '', targets(results, sizes, load)].join('\n');
    log('\n' + md + '\n');
    if (WRITE) {
      await writeFile(path.join(BENCH, 'results.json'), JSON.stringify(doc, null, 2) + '\n');
      const readme = path.join(BENCH, 'README.md');
      if (existsSync(readme)) {
        const text = await readFile(readme, 'utf8');
        const start = '<!-- results:start -->';
        const end = '<!-- results:end -->';
        const a = text.indexOf(start);
        const b = text.indexOf(end);
        if (a >= 0 && b > a) {
          await writeFile(readme, text.slice(0, a + start.length) + '\n' + md + '\n' + text.slice(b));
        }
      }
      log(`wrote bench/results.json${existsSync(readme) ? ' and the table in bench/README.md' : ''}`);
    }
    if (SHOTS) log(`screenshots (with a hover): ${SHOTS}/<contestant>-<N>.png`);
  } finally {
    await browser.close().catch(() => {});
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e.stack ?? e}`);
  process.exit(1);
});
