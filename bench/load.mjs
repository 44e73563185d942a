// Time to first chart: a page that loads the chart's files and draws the shipped dataset's
// headline chart, from navigation start until its pixels are on a canvas — the no-build
// element page (bench/load/widget.html, as examples/no-build and the README show it, with
// the preload links) against the same chart with Chart.js and with ECharts (their full
// builds from bench/node_modules). Each load is a fresh browser context with the cache off
// (CDP Network.setCacheDisabled), gzip from the server (as any web server sends .js, .wasm
// and .json), over an emulated slow phone connection (CDP Network.emulateNetworkConditions:
// 1.6 Mbps down, 750 kbps up, 150 ms round trip) and unthrottled. The figure is the median
// of LOAD_RUNS loads.
//
// "Pixels on a canvas": an init script polls every animation frame, from before the page's
// own scripts run, for a canvas (in the document or an open shadow root) with at least 500
// non-white pixels in three rows across it; the time is performance.now() then, which counts
// from the navigation's start.

import { startServer } from '../tools/serve.mjs';

export const LOAD_CONTESTANTS = ['widget', 'chartjs', 'echarts'];
export const CONDITIONS = {
  slow: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  fast: null,
};

function probe() {
  const canvases = () => {
    const out = [...document.querySelectorAll('canvas')];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) out.push(...el.shadowRoot.querySelectorAll('canvas'));
    return out;
  };
  const drawn = (c) => {
    if (!c.width || !c.height) return false;
    const ctx = c.getContext('2d');
    if (!ctx) return false;
    let n = 0;
    for (const f of [0.3, 0.5, 0.7]) {
      const d = ctx.getImageData(0, Math.floor(c.height * f), c.width, 1).data;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
    }
    return n >= 500;
  };
  const tick = () => {
    if (canvases().some(drawn)) {
      window.__firstChart = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** One load: ms from navigation start to the first chart pixels. */
async function once(browser, url, condition) {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1300, height: 700 }, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await page.addInitScript(probe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (condition) await cdp.send('Network.emulateNetworkConditions', condition);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(() => typeof window.__firstChart === 'number', null, { timeout: 60_000, polling: 50 });
    const ms = await page.evaluate(() => window.__firstChart);
    const bytes = await page.evaluate(() => performance.getEntriesByType('resource')
      .reduce((s, e) => s + (e.transferSize || 0), 0) + (performance.getEntriesByType('navigation')[0]?.transferSize || 0));
    return { ms, bytes, errors };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** Every contestant under both conditions, `runs` loads each, interleaved. */
export async function loadTimes(browser, root, { runs = 5, log = console.log } = {}) {
  const server = await startServer({ root, port: 0, gzip: true });
  const out = {};
  try {
    for (const [cond, condition] of Object.entries(CONDITIONS)) {
      const samples = Object.fromEntries(LOAD_CONTESTANTS.map((c) => [c, []]));
      const bytes = {};
      const errors = [];
      // Interleaved, so a busy spell on the shared machine hits every contestant alike.
      for (let r = 0; r < runs; r++) {
        for (const c of LOAD_CONTESTANTS) {
          try {
            const x = await once(browser, `${server.url}/load/${c}.html`, condition);
            samples[c].push(Math.round(x.ms));
            bytes[c] = x.bytes;
            if (x.errors.length) errors.push(`${c}: ${x.errors.join(' | ')}`);
          } catch (e) {
            errors.push(`${c}: ${e.message.split('\n')[0]}`);
          }
        }
      }
      out[cond] = Object.fromEntries(LOAD_CONTESTANTS.map((c) => [c, {
        median: samples[c].length ? median(samples[c]) : null, samples: samples[c], transferred: bytes[c] ?? null,
      }]));
      if (errors.length) out[cond].errors = errors;
      log(`  load (${cond}): ${LOAD_CONTESTANTS.map((c) => `${c} ${out[cond][c].median ?? '—'} ms`).join(', ')}`);
    }
  } finally {
    await server.close();
  }
  return out;
}

/** The README table of load times. */
export function loadTable(load) {
  if (!load) return '';
  const name = { widget: 'widget (no-build element page)', chartjs: 'Chart.js', echarts: 'ECharts' };
  const rows = LOAD_CONTESTANTS.map((c) => {
    const s = load.slow?.[c];
    const f = load.fast?.[c];
    const kb = s?.transferred ? `${(s.transferred / 1024).toFixed(1)} kB` : '—';
    const ratio = s?.median && load.slow?.chartjs?.median ? (s.median / load.slow.chartjs.median).toFixed(2) : '—';
    return `| ${name[c]} | ${s?.median ?? '—'} ms | ${ratio} | ${f?.median ?? '—'} ms | ${kb} |`;
  });
  return ['Time to first chart (navigation start → chart pixels on the canvas; median of ' +
    `${load.slow?.widget?.samples?.length ?? '?'} loads, cache off, gzip):`, '',
  '| page | slow phone (1.6 Mbps, 150 ms RTT) | ÷ Chart.js | unthrottled | transferred |',
  '|---|---:|---:|---:|---:|', ...rows].join('\n');
}
