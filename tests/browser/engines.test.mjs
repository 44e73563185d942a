// The tests that protect readers, in every browser engine: Chromium (playwright-core),
// Firefox (firefox-esr through puppeteer-core over WebDriver BiDi) and WebKit (WebKitGTK's
// MiniBrowser through WebKitWebDriver and selenium-webdriver, under an Xvfb of its own when
// there is no display). One set of test bodies; tests/browser/engines/*.mjs are the thin
// adapters (the interface is described in engines/common.mjs). ENGINES=firefox,webkit runs
// a subset.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../tools/serve.mjs';
import { REPO } from './engines/common.mjs';
import * as chromium from './engines/chromium.mjs';
import * as firefox from './engines/firefox.mjs';
import * as webkit from './engines/webkit.mjs';

const ADAPTERS = { chromium, firefox, webkit };
const ONLY = process.env.ENGINES ? process.env.ENGINES.split(',').map((s) => s.trim()) : Object.keys(ADAPTERS);
const TIMEOUT = { timeout: 120_000 };
const CANVAS = '#chart canvas.ic-canvas';
const TIP = '#chart .ic-tooltip';
const HOSTILE = process.env.ENGINES_NO_HOSTILE ? [] : ['all-unset', 'canvas-width', 'rtl-zoom', 'dark', 'containers', 'hidden', 'no-init'];

// ------------------------------------------------------------------ in-page functions
// Each runs in the page (passed to page.evaluate), so each is self-contained.

/** Backing store, CSS box and pixels of the canvas of `sel` (in a shadow root when `host` is set). */
function canvasStats({ sel, host }) {
  const scope = host ? document.querySelector(host).shadowRoot ?? document.querySelector(host) : document;
  const canvas = scope.querySelector(sel);
  if (!canvas) return null;
  const { width, height } = canvas;
  const rect = canvas.getBoundingClientRect();
  const zoom = canvas.currentCSSZoom ?? 1;
  const out = { width, height, cssWidth: rect.width / zoom, cssHeight: rect.height / zoom, zoom, dpr: devicePixelRatio };
  if (!width || !height) return { ...out, nonBackgroundPixels: 0, distinctColors: 0 };
  const copy = document.createElement('canvas');
  copy.width = width;
  copy.height = height;
  const ctx = copy.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(canvas, 0, 0);
  const data = ctx.getImageData(0, 0, width, height).data;
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const key = ((data[i] >> 5) << 11) | ((data[i + 1] >> 5) << 8) | ((data[i + 2] >> 5) << 5) | (data[i + 3] >> 6);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const total = width * height;
  const minPixels = Math.max(4, Math.ceil(total * 0.0005));
  return { ...out, nonBackgroundPixels: total - sorted[0][1], distinctColors: sorted.slice(1).filter(([, n]) => n >= minPixels).length };
}

/** Viewport point at the centre of bar k of window.chart, scrolled into view first. */
function barPoint({ k, sel }) {
  const canvas = document.querySelector(sel);
  const r = window.chart.barRect(k);
  if (!r) return null;
  const at = () => {
    const c = canvas.getBoundingClientRect();
    return { x: c.left + r.x + r.width / 2, y: c.top + r.y + r.height / 2 };
  };
  const panel = document.getElementById('chart-panel');
  if (panel && panel.scrollHeight > panel.clientHeight + 1) {
    const pr = panel.getBoundingClientRect();
    const { y } = at();
    if (y < pr.top + 30 || y > pr.bottom - 30) panel.scrollTop += y - (pr.top + pr.bottom) / 2;
  }
  const { y } = at();
  if (y < 30 || y > innerHeight - 30) window.scrollBy({ left: 0, top: y - innerHeight / 2, behavior: 'instant' });
  return { ...at(), bar: r };
}

/** The tooltip: shown or not, and its text. */
function tipInfo(sel) {
  const t = document.querySelector(sel);
  const cs = getComputedStyle(t);
  const r = t.getBoundingClientRect();
  return { visible: cs.display !== 'none' && cs.visibility !== 'hidden' && r.width > 0 && r.height > 0, text: t.textContent };
}

/** Records every hover/select of window.chart in window.__ev; returns the bars' labels (the screen-reader table). */
async function recordEvents() {
  window.__ev = [];
  for (const t of ['hover', 'select']) window.chart.on(t, (e) => window.__ev.push({ type: t, index: e.index ?? null, id: e.indicator?.id ?? null }));
  // The table is filled in a task after the first frame.
  await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
  return [...document.querySelectorAll('#chart table.ic-table tr')].slice(1).map((tr) => tr.children[0].textContent);
}

/** Resolves once window and chart panel stop scrolling (the page scrolls smoothly). */
function settleScroll() {
  return new Promise((resolve) => {
    const panel = document.getElementById('chart-panel');
    let last = '';
    let same = 0;
    const started = performance.now();
    const tick = () => {
      const now = `${scrollX},${scrollY},${panel?.scrollTop}`;
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 5 || performance.now() - started > 5000) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Two frames: whatever the last input changed is on screen. */
function frames() {
  return new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res(true))));
}

// ------------------------------------------------------------------ assertions shared by the tests

function assertDrawn(s, what) {
  const detail = `${what}: ${JSON.stringify(s)}`;
  assert.ok(s, `${what}: the chart's canvas is there`);
  assert.ok(s.cssWidth >= 200, `css width is sensible: ${detail}`);
  assert.equal(s.width, Math.round(s.cssWidth * s.dpr), `backing store width = round(css width × dpr): ${detail}`);
  assert.equal(s.height, Math.round(s.cssHeight * s.dpr), `backing store height = round(css height × dpr): ${detail}`);
  assert.ok(s.nonBackgroundPixels >= 0.02 * s.width * s.height, `≥ 2% of the pixels drawn: ${detail}`);
  assert.ok(s.distinctColors >= 3, `≥ 3 colours: ${detail}`);
}

// ------------------------------------------------------------------ the tests, once per engine

for (const name of ONLY) {
  const adapter = ADAPTERS[name];
  if (!adapter) throw new Error(`ENGINES: no engine "${name}" (have ${Object.keys(ADAPTERS).join(', ')})`);

  describe(name, () => {
    let engine;
    let server;
    before(async () => {
      server = await startServer({ root: REPO, port: 0 });
      engine = await adapter.launch();
    }, TIMEOUT);
    after(async () => {
      await engine?.close();
      await server?.close();
    });

    /** Opens `path` (under the repository root) and runs fn(page); no console or page errors allowed. */
    async function withPage(path, opts, fn) {
      const page = await engine.open({ url: server.url + path, ...opts });
      try {
        await fn(page);
        assert.deepEqual(await page.errors(), [], 'no console errors or uncaught page errors');
      } finally {
        await page.close();
      }
    }

    /** The host page, ready, its bar labels and events recorded. */
    async function withHost(opts, fn) {
      await withPage('/www/index.html', opts, async (page) => {
        const state = await page.waitFor(() => ['ready', 'error'].includes(document.body?.dataset.state) && document.body.dataset.state, null, 30_000);
        assert.equal(state, 'ready', `the host page got ready: ${await page.evaluate(() => document.querySelector('#status')?.textContent)}`);
        const labels = await page.evaluate(recordEvents);
        await fn(page, labels);
      });
    }

    async function pointAt(page, k) {
      await page.evaluate(settleScroll);
      const p = await page.evaluate(barPoint, { k, sel: CANVAS });
      assert.ok(p, `chart.barRect(${k}) is a rectangle`);
      await page.evaluate(settleScroll);
      return page.evaluate(barPoint, { k, sel: CANVAS });
    }

    for (const dpr of [1, 2]) {
      test(`the host page draws the chart at devicePixelRatio ${dpr}`, TIMEOUT, async () => {
        await withHost({ dpr }, async (page) => {
          const s = await page.evaluate(canvasStats, { sel: CANVAS });
          assert.equal(s.dpr, dpr, `window.devicePixelRatio is ${dpr}`);
          assertDrawn(s, `host page, dpr ${dpr}`);
          assert.equal((await page.evaluate(() => window.chart.getState())).dpr, dpr, 'the chart drew at that dpr');
          await page.screenshot(`host-dpr${dpr}`);
        });
      });
    }

    test('hovering a bar shows its tooltip and sends hover', TIMEOUT, async () => {
      await withHost({ dpr: 1 }, async (page, labels) => {
        const n = labels.length;
        assert.ok(n >= 3, `the headline view has bars: ${n}`);
        for (const k of [0, Math.floor(n / 2), n - 1]) {
          await page.evaluate(() => { window.__ev.length = 0; });
          const p = await pointAt(page, k);
          await page.mouseMove(p.x, p.y);
          const ev = await page.waitFor((k) => window.__ev.find((e) => e.type === 'hover' && e.index === k), k, 5000)
            .catch(async () => assert.fail(`no hover for bar ${k} at ${p.x},${p.y}; events ${JSON.stringify(await page.evaluate(() => window.__ev))}`));
          assert.ok(ev.id, `the hover of bar ${k} names an indicator`);
          const tip = await page.evaluate(tipInfo, TIP);
          assert.ok(tip.visible, `the tooltip shows for bar ${k}`);
          assert.ok(tip.text.includes(labels[k]), `the tooltip names "${labels[k]}": ${tip.text}`);
        }
        await page.screenshot('hover');
        await page.mouseMove(2, 2);
        await page.waitFor((sel) => {
          const t = document.querySelector(sel);
          return getComputedStyle(t).display === 'none';
        }, TIP, 5000).catch(() => assert.fail('the tooltip goes when the pointer leaves the chart'));
      });
    });

    // Where a tap is not a real touch, the adapter's TAP_NOTE says why (engines/webkit.mjs).
    test(`tapping a bar pins its tooltip until a second tap, a tap outside or Escape${adapter.TAP_NOTE ?? ''}`, TIMEOUT, async () => {
      // A phone's height; 480 px wide, as MiniBrowser's toolbar keeps its window at least 447 px wide.
      await withHost({ dpr: 2, width: 480, height: 844, touch: true }, async (page, labels) => {
        const k = Math.min(2, labels.length - 1);
        const tapBar = async () => {
          const p = await pointAt(page, k);
          await page.tap(p.x, p.y);
          await page.evaluate(frames);
        };
        const shown = async (what) => {
          // Pinned: still there a while after the finger has gone.
          await new Promise((r) => setTimeout(r, 300));
          const tip = await page.evaluate(tipInfo, TIP);
          assert.ok(tip.visible, `${what}: the tooltip shows`);
          assert.ok(tip.text.includes(labels[k]), `${what}: the tooltip names "${labels[k]}": ${tip.text}`);
        };
        const hidden = async (what) => {
          await page.evaluate(frames);
          assert.equal((await page.evaluate(tipInfo, TIP)).visible, false, `${what}: the tooltip is gone`);
        };
        await tapBar();
        await shown('a tap on the bar');
        assert.ok(await page.evaluate((k) => window.__ev.some((e) => e.index === k), k), 'the tap sent an event for that bar');
        await page.screenshot('tap');
        await tapBar();
        await hidden('a second tap on the same bar');
        await tapBar();
        await shown('a tap again');
        // Outside the chart: the page header.
        await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
        await page.evaluate(settleScroll);
        const out = await page.evaluate(() => {
          const r = document.querySelector('header').getBoundingClientRect();
          return { x: r.left + 5, y: r.top + 5 };
        });
        await page.tap(out.x, out.y);
        await hidden('a tap outside the chart');
        await tapBar();
        await shown('a tap once more');
        await page.press('Escape');
        await hidden('Escape');
      });
    });

    test('keyboard: ArrowDown moves the focus and shows the tooltip, Escape clears it', TIMEOUT, async () => {
      await withHost({ dpr: 1 }, async (page, labels) => {
        await page.evaluate((sel) => document.querySelector(sel).focus(), CANVAS);
        assert.equal(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), CANVAS), true, 'the canvas takes the focus');
        const before = (await page.evaluate(() => window.chart.getState())).focus;
        await page.press('ArrowDown');
        const first = await page.waitFor((b) => { const f = window.chart.getState().focus; return f !== b && f != null ? { f } : null; }, before, 5000);
        let tip = await page.evaluate(tipInfo, TIP);
        assert.ok(tip.visible && tip.text.includes(labels[first.f]), `ArrowDown focuses bar ${first.f} and its tooltip shows: ${JSON.stringify(tip)}`);
        await page.press('ArrowDown');
        const second = await page.waitFor((b) => { const f = window.chart.getState().focus; return f !== b ? { f } : null; }, first.f, 5000);
        assert.equal(second.f, first.f + 1, 'a second ArrowDown moves to the next bar');
        tip = await page.evaluate(tipInfo, TIP);
        assert.ok(tip.visible && tip.text.includes(labels[second.f]), `the tooltip follows to "${labels[second.f]}": ${tip.text}`);
        await page.screenshot('keyboard');
        await page.press('Escape');
        await page.waitFor(() => window.chart.getState().focus == null, null, 5000);
        await page.evaluate(frames);
        assert.equal((await page.evaluate(tipInfo, TIP)).visible, false, 'Escape hides the tooltip');
      });
    });

    test('exports: toPng() decodes to the canvas size, toCsv() has the header and a row per bar', TIMEOUT, async () => {
      await withHost({ dpr: 2 }, async (page) => {
        const out = await page.evaluate(async (sel) => {
          const st = window.chart.getState();
          const png = window.chart.toPng();
          const img = new Image();
          img.src = png;
          await img.decode();
          const c = document.querySelector(sel);
          return { rows: st.rows, csv: window.chart.toCsv(), head: png.slice(0, 22), b64: png.slice(22, 22 + 64), w: img.naturalWidth, h: img.naturalHeight, cw: c.width, ch: c.height };
        }, CANVAS);
        assert.equal(out.head, 'data:image/png;base64,');
        const ihdr = Buffer.from(out.b64, 'base64');
        assert.equal(ihdr.subarray(1, 4).toString('latin1'), 'PNG', 'the data is a PNG');
        assert.deepEqual([ihdr.readUInt32BE(16), ihdr.readUInt32BE(20)], [out.cw, out.ch], 'its IHDR is the canvas backing store size');
        assert.deepEqual([out.w, out.h], [out.cw, out.ch], 'it decodes in the page to the canvas size');
        const lines = out.csv.replace(/^\uFEFF/, '').split('\r\n');
        if (lines.at(-1) === '') lines.pop();
        assert.match(lines[0], /^id,/, `the CSV header: ${lines[0]}`);
        assert.equal(lines.length, out.rows + 1, `a header and ${out.rows} rows`);
      });
    });

    test('destroy() removes what the chart added and gives the canvas back', TIMEOUT, async () => {
      await withPage('/www/test/api.html', { dpr: 1 }, async (page) => {
        await page.waitFor(() => document.body.dataset.state === 'ready', null, 30_000);
        const r = await page.evaluate(async () => {
          // Counted from here on: mount() is what adds listeners and observers.
          const live = new Map();
          const key = (type, fn, o) => `${type}|${typeof o === 'boolean' ? o : !!o?.capture}|${live.fnId(fn)}`;
          const ids = new WeakMap();
          let next = 1;
          live.fnId = (f) => (ids.has(f) ? ids.get(f) : (ids.set(f, next), next++));
          const add = EventTarget.prototype.addEventListener;
          const remove = EventTarget.prototype.removeEventListener;
          EventTarget.prototype.addEventListener = function (type, fn, o) {
            if (fn) (live.get(this) ?? live.set(this, new Set()).get(this)).add(key(type, fn, o));
            return add.call(this, type, fn, o);
          };
          EventTarget.prototype.removeEventListener = function (type, fn, o) {
            if (fn) live.get(this)?.delete(key(type, fn, o));
            return remove.call(this, type, fn, o);
          };
          let observed = 0;
          const RO = window.ResizeObserver;
          window.ResizeObserver = class extends RO {
            observe(t, o) { observed += 1; this.n = (this.n ?? 0) + 1; return super.observe(t, o); }
            unobserve(t) { observed -= 1; this.n -= 1; return super.unobserve(t); }
            disconnect() { observed -= this.n ?? 0; this.n = 0; return super.disconnect(); }
          };
          const count = () => [...live.values()].reduce((n, s) => n + s.size, 0);
          const frame = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
          const stage = document.getElementById('stage');
          const out = {};
          // A container with children of its own.
          const box = document.createElement('div');
          box.style.width = '600px';
          box.innerHTML = '<p class="mine">before</p><span>x</span>';
          stage.append(box);
          const html = box.innerHTML;
          const c = window.ic.mount(box, window.ds);
          await frame();
          out.mounted = { listeners: count(), observed, drawn: box.querySelector('canvas.ic-canvas')?.width > 0 };
          const cv = box.querySelector('canvas.ic-canvas');
          cv.focus();
          cv.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
          c.destroy();
          await frame();
          out.container = { listeners: count(), observed, htmlBack: box.innerHTML === html, html: box.innerHTML,
            icElements: document.querySelectorAll('[class^="ic-"], [class*=" ic-"]').length };
          // Canvas mode: attributes, style and siblings come back.
          const wrap = document.createElement('div');
          wrap.style.width = '480px';
          wrap.innerHTML = '<canvas id="mine" class="user" width="300" height="150" aria-label="mine" data-x="1"></canvas><em>after</em>';
          stage.append(wrap);
          const canvas = wrap.querySelector('canvas');
          canvas.style.cssText = 'border: 2px solid red; margin: 3px';
          const attrs = (el) => Object.fromEntries(el.getAttributeNames().sort().map((n) => [n, el.getAttribute(n)]));
          const before = { attrs: attrs(canvas), children: wrap.children.length, css: canvas.style.cssText, w: canvas.width, h: canvas.height };
          const cc = window.ic.mount(canvas, window.ds);
          await frame();
          out.canvasMounted = { children: wrap.children.length, w: canvas.width, listeners: count() };
          cc.destroy();
          await frame();
          out.canvas = { before, after: { attrs: attrs(canvas), children: wrap.children.length, css: canvas.style.cssText, w: canvas.width, h: canvas.height } };
          out.final = { listeners: count(), observed, icElements: document.querySelectorAll('[class^="ic-"], [class*=" ic-"]').length };
          let threw = null;
          try { c.getState(); } catch (e) { threw = e instanceof Error ? e.message : String(e); }
          out.threw = threw;
          return out;
        });
        const detail = JSON.stringify(r);
        assert.ok(r.mounted.listeners > 0 && r.mounted.observed > 0 && r.mounted.drawn, `mounting adds listeners, observes a size and draws: ${detail}`);
        assert.equal(r.container.listeners, 0, `destroy removes every listener it added: ${detail}`);
        assert.equal(r.container.observed, 0, `destroy stops observing: ${detail}`);
        assert.ok(r.container.htmlBack, `the container has its own children back: ${r.container.html}`);
        assert.equal(r.container.icElements, 0, 'no widget element is left');
        assert.ok(r.canvasMounted.listeners > 0 && r.canvasMounted.w !== 300, `canvas mode mounts and draws: ${detail}`);
        assert.deepEqual(r.canvas.after, r.canvas.before, 'the <canvas> is given back: attributes, style, size and siblings as they were');
        assert.deepEqual([r.final.listeners, r.final.observed, r.final.icElements], [0, 0, 0], `nothing left after both: ${detail}`);
        assert.match(r.threw ?? '', /destroyed/, 'a destroyed chart says so');
      });
    });

    describe('<indicator-chart> on hostile pages (examples/hostile/)', () => {
      for (const pageName of HOSTILE) {
        test(pageName, TIMEOUT, async () => {
          await withPage(`/examples/hostile/${pageName}.html`, { dpr: 2 }, async (page) => {
            await page.waitFor(() => window.hostileReady || window.hostileError || document.querySelector('indicator-chart')?.state === 'ready' , null, 30_000);
            assert.equal(await page.evaluate(() => window.hostileError ?? null), null, 'the page\'s script ran');
            if (pageName === 'hidden') await page.evaluate(() => document.querySelector('#later').classList.add('shown'));
            const hosts = await page.evaluate(() => [...document.querySelectorAll('indicator-chart')].map((h) => h.id));
            assert.ok(hosts.length >= 1, 'the page has <indicator-chart> elements');
            for (const id of hosts) {
              await page.waitFor((id) => {
                const h = document.getElementById(id);
                return h.chart != null && h.chart.getState().width > 0;
              }, id, 30_000).catch(async () => assert.fail(`#${id} was not drawn: ${JSON.stringify(await page.evaluate((id) => ({ state: document.getElementById(id).state, error: document.getElementById(id).error }), id))}`));
              await page.evaluate(frames);
              assertDrawn(await page.evaluate(canvasStats, { sel: 'canvas.ic-canvas', host: `#${id}` }), `${pageName} #${id}`);
            }
            await page.screenshot(`hostile-${pageName}`);
          });
        });
      }
    });
  });
}

