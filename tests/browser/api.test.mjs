// The widget's JavaScript API on a blank page (www/test/api.html): mount into a container
// and into a <canvas>, destroy() leaving nothing behind (elements, listeners, observers),
// errors as thrown Errors shown in the element, HTML in data staying text, a hidden
// container at mount, re-entrant handlers, and off().
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, tablesFilled, waitForSettled } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };

const env = sharedBrowser(TIMEOUT);

/**
 * Runs before any page script: counts live event listeners per target (as the DOM does:
 * one per type + listener + capture) and the targets every ResizeObserver observes.
 * window.__probe.snapshot() → { window, document, canvas, mql, other, observed, observers }.
 */
function instrument() {
  const live = new Map(); // target → Set of "type|capture" + listener identity
  const ids = new WeakMap();
  let next = 1;
  const fnId = (f) => {
    if (f == null) return 0;
    if (!ids.has(f)) ids.set(f, next++);
    return ids.get(f);
  };
  const capture = (o) => (typeof o === 'boolean' ? o : !!(o && o.capture));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn != null) {
      if (!live.has(this)) live.set(this, new Set());
      live.get(this).add(`${type}|${capture(opts)}|${fnId(fn)}`);
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    if (fn != null) live.get(this)?.delete(`${type}|${capture(opts)}|${fnId(fn)}`);
    return remove.call(this, type, fn, opts);
  };
  const observers = new Set();
  const Native = window.ResizeObserver;
  class CountingResizeObserver extends Native {
    constructor(cb) {
      super(cb);
      this.__targets = new Set();
      observers.add(this);
    }
    observe(t, o) { this.__targets.add(t); return super.observe(t, o); }
    unobserve(t) { this.__targets.delete(t); return super.unobserve(t); }
    disconnect() { this.__targets.clear(); return super.disconnect(); }
  }
  window.ResizeObserver = CountingResizeObserver;
  window.__probe = {
    snapshot() {
      const out = { window: 0, document: 0, canvas: 0, mql: 0, other: 0, observed: 0, observers: 0 };
      for (const [t, set] of live) {
        const n = set.size;
        if (t === window) out.window += n;
        else if (t === document) out.document += n;
        else if (t instanceof HTMLCanvasElement) out.canvas += n;
        else if (typeof MediaQueryList !== 'undefined' && t instanceof MediaQueryList) out.mql += n;
        else out.other += n;
      }
      for (const o of observers) {
        out.observed += o.__targets.size;
        if (o.__targets.size) out.observers += 1;
      }
      return out;
    },
    detail() {
      const out = [];
      for (const [t, set] of live) {
        if (set.size) out.push(`${t.constructor?.name}${t.className ? '.' + t.className : ''}: ${[...set].join(', ')}`);
      }
      return out;
    },
  };
}

async function openApi(opts = {}) {
  const page = await env.open(opts);
  await page.addInitScript(instrument);
  await page.goto(new URL('/test/api.html', env.server.url + '/').href);
  const state = await waitForSettled(page);
  if (state !== 'ready') {
    const why = await page.evaluate(() => document.body.dataset.error);
    await page.context().close();
    assert.fail(`api.html did not get ready: ${why}; errors: ${page.errors.join('\n')}`);
  }
  return page;
}

async function withPage(opts, fn, { allowErrors = false } = {}) {
  const page = await openApi(opts);
  try {
    await fn(page);
    if (!allowErrors) assert.deepEqual(page.errors, [], 'no console errors or page errors');
    else assert.deepEqual(page.pageErrors, [], 'no uncaught page errors');
  } finally {
    await page.context().close();
  }
}

/** In-page: non-background share of a canvas's pixels (0 for an empty or blank canvas). */
const DRAWN = `(c) => {
  if (!c.width || !c.height) return 0;
  const copy = document.createElement('canvas');
  copy.width = c.width; copy.height = c.height;
  const ctx = copy.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(c, 0, 0);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  const bg = [d[0], d[1], d[2], d[3]];
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) + Math.abs(d[i + 3] - bg[3]) > 40) n += 1;
  }
  return n / (c.width * c.height);
}`;

describe('mount', () => {
  test('into a container and into a <canvas>: both draw', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const r = await page.evaluate(async (drawnSrc) => {
        const drawn = eval(drawnSrc);
        const stage = document.getElementById('stage');
        const box = document.createElement('div');
        box.style.width = '640px';
        stage.append(box);
        const a = window.ic.mount(box, window.ds, { view: 'headline' });
        const wrap = document.createElement('div');
        wrap.style.width = '500px';
        const cv = document.createElement('canvas');
        wrap.append(cv);
        stage.append(wrap);
        const b = window.ic.mount(cv, window.ds, { view: 'rates', theme: 'light' });
        const ca = box.querySelector('canvas.ic-canvas');
        const out = {
          container: { drawn: drawn(ca), w: ca.width, cssW: ca.getBoundingClientRect().width, st: a.getState(), root: !!box.querySelector(':scope > .ic-root') },
          canvas: { drawn: drawn(cv), w: cv.width, cssW: cv.getBoundingClientRect().width, st: b.getState(), cls: cv.className,
            siblings: [...wrap.children].map((e) => e.className) },
          alive: [a.isAlive, b.isAlive],
          version: window.ic.version(),
        };
        a.destroy();
        b.destroy();
        out.dead = [a.isAlive, b.isAlive];
        return out;
      }, DRAWN);
      assert.ok(r.container.root, 'the container gets a .ic-root');
      assert.ok(r.container.drawn > 0.01, `container mode draws: ${JSON.stringify(r.container)}`);
      assert.equal(r.container.st.view, 'headline');
      assert.ok(Math.abs(r.container.st.width - 640) < 1, `fills the container's width: ${r.container.st.width}`);
      assert.ok(r.canvas.drawn > 0.01, `canvas mode draws: ${JSON.stringify(r.canvas)}`);
      assert.equal(r.canvas.st.view, 'rates');
      assert.ok(Math.abs(r.canvas.st.width - 500) < 1, `the canvas fills its parent's width: ${r.canvas.st.width}`);
      assert.match(r.canvas.cls, /\bic-canvas\b/);
      assert.deepEqual(r.alive, [true, true]);
      assert.deepEqual(r.dead, [false, false]);
      assert.match(r.version, /^\d+\.\d+\.\d+/);
    });
  });
});

describe('the screen-reader table', () => {
  test('an update writes changed cells into the same rows, as a fresh mount would; fewer rows drop the rest', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const r = await page.evaluate(async () => {
        // The table is filled in a task after the frame (later on a busy machine): wait, frame
        // by frame, up to 5 s, for what the step should bring.
        const settle = () => new Promise((res) => requestAnimationFrame(() => setTimeout(() => setTimeout(res, 0), 0)));
        const until = async (cond) => {
          for (let k = 0; k < 300 && !cond(); k++) await settle();
        };
        const filled = (chart, t) => () => t.rows.length === Math.min(chart.getState().rows, 1000) + 1 && !!t.caption?.textContent;
        const stage = document.getElementById('stage');
        const make = (ds) => {
          const box = document.createElement('div');
          box.style.width = '640px';
          stage.append(box);
          return [box, window.ic.mount(box, ds, { view: 'headline' })];
        };
        const texts = (t) => [...t.rows].map((tr) => [...tr.cells].map((c) => c.textContent).join(' | '));
        const [box, chart] = make(window.ds);
        const table = box.querySelector('table.ic-table');
        await until(filled(chart, table));
        const rowsBefore = [...table.rows];
        const textBefore = texts(table);
        const next = structuredClone(window.ds);
        for (const ind of next.indicators) ind.value += 1;
        chart.update(next);
        await until(() => texts(table).some((t, i) => t !== textBefore[i]));
        const sameRows = rowsBefore.length === table.rows.length && rowsBefore.every((tr, i) => table.rows[i] === tr);
        const textAfter = texts(table);
        const [freshBox, freshChart] = make(next);
        const freshTable = freshBox.querySelector('table.ic-table');
        await until(filled(freshChart, freshTable));
        const fresh = texts(freshTable);
        chart.setView('overview');
        await until(() => table.rows.length === chart.getState().rows + 1);
        return {
          n: rowsBefore.length, sameRows, changed: textAfter.filter((t, i) => t !== textBefore[i]).length,
          asFresh: JSON.stringify(textAfter) === JSON.stringify(fresh), textAfter, fresh,
          overview: { rows: table.rows.length, shown: chart.getState().rows, caption: table.caption?.textContent ?? '' },
        };
      });
      assert.ok(r.n > 3, `the headline table has rows (${r.n})`);
      assert.ok(r.sameRows, 'the update kept the row elements');
      assert.ok(r.changed > 0, 'and rewrote the changed values');
      assert.ok(r.asFresh, `the updated table reads exactly as a fresh mount of the new data: ${JSON.stringify({ after: r.textAfter, fresh: r.fresh })}`);
      assert.equal(r.overview.rows, r.overview.shown + 1, 'a view with fewer rows: its rows and the head, no leftovers');
      assert.ok(r.overview.caption.length > 0, 'the caption follows');
    });
  });
});

describe('on a phone-width page', () => {
  test('a chart mounted on a bare <canvas> does not widen the page (its hidden table is clipped)', TIMEOUT, async () => {
    await withPage({ width: 375, height: 740 }, async (page) => {
      const r = await page.evaluate(async () => {
        const doc = document.documentElement;
        const before = doc.scrollWidth;
        const wrap = document.createElement('div');
        wrap.style.width = '300px';
        const cv = document.createElement('canvas');
        wrap.append(cv);
        document.getElementById('stage').append(wrap);
        const chart = window.ic.mount(cv, window.ds, { view: 'section' });
        await new Promise((res) => requestAnimationFrame(() => setTimeout(() => setTimeout(res, 0), 0)));
        const table = wrap.querySelector('table.ic-table');
        const out = { before, after: doc.scrollWidth, client: doc.clientWidth, tableWidth: table.getBoundingClientRect().width, rows: table.rows.length };
        chart.setOptions({ table: true });
        await new Promise((res) => requestAnimationFrame(() => setTimeout(() => setTimeout(res, 0), 0)));
        out.shownHeight = table.getBoundingClientRect().height;
        out.shownBoxHeight = table.parentElement.getBoundingClientRect().height;
        return out;
      });
      assert.ok(r.rows > 1 && r.tableWidth > r.client, `the premise: the hidden table is wider than the page (${r.tableWidth} px, ${r.rows} rows)`);
      assert.equal(r.after, r.before, `the page keeps its width (${r.before} → ${r.after} px)`);
      assert.ok(r.shownHeight > 50 && r.shownBoxHeight >= r.shownHeight, `table: true shows it, box and all (${r.shownHeight} / ${r.shownBoxHeight} px)`);
    });
  });
});

describe('destroy', () => {
  test('removes every element, listener and observer; methods throw; remount works; 200 cycles', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const r = await page.evaluate(async (drawnSrc) => {
        const drawn = eval(drawnSrc);
        const frame = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
        const stage = document.getElementById('stage');
        const out = {};
        // Container with children of its own.
        const box = document.createElement('div');
        box.style.width = '600px';
        box.innerHTML = '<p class="mine">before</p><span>x</span>';
        stage.append(box);
        const origHtml = box.innerHTML;
        out.base = window.__probe.snapshot();
        const c = window.ic.mount(box, window.ds);
        c.on('select', () => {});
        await frame();
        out.mounted = window.__probe.snapshot();
        // Hover and focus once, so pointer/focus paths have run.
        const cv = box.querySelector('canvas.ic-canvas');
        cv.focus();
        cv.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        c.destroy();
        c.destroy(); // safe twice
        await frame();
        out.after = window.__probe.snapshot();
        out.leftover = window.__probe.detail();
        out.htmlBack = box.innerHTML === origHtml;
        out.html = box.innerHTML;
        out.icElements = document.querySelectorAll('[class^="ic-"], [class*=" ic-"]').length;
        out.throws = {};
        for (const [name, call] of Object.entries({
          setView: () => c.setView('rates'), setOptions: () => c.setOptions({ locale: 'en' }), update: () => c.update(window.ds),
          resize: () => c.resize(), on: () => c.on('select', () => {}), off: () => c.off('select'), select: () => c.select('x'),
          barRect: () => c.barRect(0), getState: () => c.getState(), toPng: () => c.toPng(), toCsv: () => c.toCsv(),
        })) {
          try { call(); out.throws[name] = 'no throw'; } catch (e) { out.throws[name] = e instanceof Error ? e.message : `non-Error ${String(e)}`; }
        }
        // Mount again into the same container.
        const again = window.ic.mount(box, window.ds, { view: 'money' });
        await frame();
        out.again = { drawn: drawn(box.querySelector('canvas.ic-canvas')), view: again.getState().view, roots: box.querySelectorAll('.ic-root').length };
        again.destroy();
        await frame();
        out.afterAgain = window.__probe.snapshot();

        // Canvas mode: attributes, style and siblings come back.
        const wrap = document.createElement('div');
        wrap.style.width = '480px';
        wrap.innerHTML = '<canvas id="mine" class="user" width="300" height="150" aria-label="mine" data-x="1"></canvas><em>after</em>';
        stage.append(wrap);
        const canvas = wrap.querySelector('canvas');
        canvas.style.cssText = 'border: 2px solid red; margin: 3px';
        const attrs = (el) => Object.fromEntries(el.getAttributeNames().sort().map((n) => [n, el.getAttribute(n)]));
        const before = { attrs: attrs(canvas), children: wrap.children.length, css: canvas.style.cssText };
        const cc = window.ic.mount(canvas, window.ds);
        await frame();
        out.canvasMounted = { drawn: drawn(canvas), children: wrap.children.length, attrs: attrs(canvas) };
        out.canvasMid = window.__probe.snapshot();
        cc.destroy();
        await frame();
        out.canvas = { before, after: { attrs: attrs(canvas), children: wrap.children.length, css: canvas.style.cssText } };
        out.canvasAfter = window.__probe.snapshot();

        // 200 mount/destroy cycles, alternating container and canvas mode.
        for (let i = 0; i < 200; i += 1) {
          const ch = i % 2 ? window.ic.mount(canvas, window.ds, { view: 'rates' }) : window.ic.mount(box, window.ds);
          ch.on('hover', () => {});
          ch.destroy();
        }
        await frame();
        out.cycles = window.__probe.snapshot();
        out.cyclesLeftover = window.__probe.detail();
        out.cyclesHtml = box.innerHTML === origHtml && wrap.children.length === 2;
        return out;
      }, DRAWN);

      const listeners = (s) => ({ window: s.window, document: s.document, canvas: s.canvas, mql: s.mql, other: s.other });
      const ctx = `\nbase ${JSON.stringify(r.base)}\nmounted ${JSON.stringify(r.mounted)}\nleft: ${JSON.stringify(r.leftover)}`;
      assert.ok(r.mounted.canvas > r.base.canvas, `mounting adds canvas listeners (instrumentation works)${ctx}`);
      assert.ok(r.mounted.observed > r.base.observed, `mounting observes the chart's size (instrumentation works)${ctx}`);
      assert.ok(r.mounted.mql > r.base.mql, `theme 'auto' listens to prefers-color-scheme (instrumentation works)${ctx}`);
      console.log(`listeners: base ${JSON.stringify(r.base)}, mounted ${JSON.stringify(r.mounted)}, after destroy ${JSON.stringify(r.after)}, after 200 cycles ${JSON.stringify(r.cycles)}`);
      assert.deepEqual(listeners(r.after), listeners(r.base), `destroy removes every listener it added${ctx}`);
      assert.equal(r.after.observed, r.base.observed, `destroy disconnects its ResizeObserver${ctx}`);
      assert.ok(r.htmlBack, `the container has its original children back: ${r.html}`);
      assert.equal(r.icElements, 0, 'no widget element left in the document');
      for (const [name, msg] of Object.entries(r.throws)) {
        assert.match(msg, /destroyed/, `${name}() after destroy throws an Error mentioning "destroyed": ${msg}`);
      }
      assert.equal(r.again.view, 'money');
      assert.equal(r.again.roots, 1, 'one .ic-root after remounting');
      assert.ok(r.again.drawn > 0.01, 'the remounted chart draws');
      assert.deepEqual(listeners(r.afterAgain), listeners(r.base), 'remount + destroy back at baseline');
      assert.equal(r.afterAgain.observed, r.base.observed);

      assert.ok(r.canvasMounted.drawn > 0.01, 'canvas mode draws');
      assert.ok(r.canvasMid.canvas > r.base.canvas, 'canvas mode adds listeners to the canvas');
      assert.deepEqual(r.canvas.after.attrs, r.canvas.before.attrs, 'the mounted <canvas> gets its attributes back');
      assert.equal(r.canvas.after.css, r.canvas.before.css, 'and its inline style');
      assert.equal(r.canvas.after.children, r.canvas.before.children, 'the siblings the widget added are gone');
      assert.deepEqual(listeners(r.canvasAfter), listeners(r.base), 'canvas mode: every listener removed');
      assert.equal(r.canvasAfter.observed, r.base.observed, 'canvas mode: observer disconnected');

      assert.deepEqual(listeners(r.cycles), listeners(r.base), `200 cycles: listeners at baseline: ${JSON.stringify(r.cycles)} ${JSON.stringify(r.cyclesLeftover)}`);
      assert.equal(r.cycles.observed, r.base.observed, '200 cycles: no observed elements left');
      assert.ok(r.cyclesHtml, '200 cycles: the DOM is back as it was');
    });
  });
});

describe('destroy in canvas mode', () => {
  test('a bare <canvas> (no class, no style attribute) is left exactly as it was', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const r = await page.evaluate(() => {
        const attrs = (el) => Object.fromEntries(el.getAttributeNames().sort().map((n) => [n, el.getAttribute(n)]));
        const wrap = document.createElement('div');
        wrap.style.width = '400px';
        const bare = document.createElement('canvas');
        wrap.append(bare);
        document.getElementById('stage').append(wrap);
        const before = { attrs: attrs(bare), html: wrap.innerHTML };
        window.ic.mount(bare, window.ds).destroy();
        return { before, after: { attrs: attrs(bare), html: wrap.innerHTML } };
      });
      assert.deepEqual(r.after.attrs, r.before.attrs, `no attribute is left behind: ${JSON.stringify(r)}`);
      assert.equal(r.after.html, r.before.html);
    });
  });
});

describe('errors are thrown Errors with clear messages', () => {
  test('mount, options, setView, setOptions, on, update', TIMEOUT, async () => {
    // Failed mounts and updates log their message with console.error by design; uncaught errors are still bugs.
    await withPage({}, async (page) => {
      const r = await page.evaluate(() => {
        const stage = document.getElementById('stage');
        const box = () => {
          const d = document.createElement('div');
          d.style.width = '500px';
          stage.append(d);
          return d;
        };
        const shown = (el) => [...el.querySelectorAll('[role=alert]')]
          .filter((a) => getComputedStyle(a).display !== 'none' && a.getBoundingClientRect().height > 0)
          .map((a) => a.textContent);
        const attempt = (fn, el) => {
          try {
            fn();
            return { threw: false };
          } catch (e) {
            return { threw: true, isError: e instanceof Error, message: e?.message ?? String(e), shown: el ? shown(el) : [] };
          }
        };
        const ds = window.ds;
        const out = {};
        out.nullEl = attempt(() => window.ic.mount(null, ds));
        let el = box();
        out.badJson = attempt(() => window.ic.mount(el, '{bad json'), el);
        el = box();
        out.noIndicators = attempt(() => window.ic.mount(el, { ...ds, indicators: [] }), el);
        el = box();
        out.badView = attempt(() => window.ic.mount(el, ds, { view: 'nope' }), el);
        out.badViewChildren = el.children.length;

        el = box();
        const chart = window.ic.mount(el, ds);
        const before = chart.getState();
        out.setView = attempt(() => chart.setView('nope'));
        out.setOptions = attempt(() => chart.setOptions({ locale: 'fr' }));
        out.missingSection = attempt(() => chart.setView('section', { section: 'missing' }));
        out.onUnknown = attempt(() => chart.on('nope', () => {}));
        out.onNotFn = attempt(() => chart.on('select', 42));
        out.stateKept = JSON.stringify(chart.getState()) === JSON.stringify(before);
        const bad = structuredClone(ds);
        bad.indicators[3].value = 'abc';
        out.update = attempt(() => chart.update(bad), el);
        // The previous chart stays usable.
        out.afterFailedUpdate = attempt(() => {
          chart.setView('rates');
          out.ratesState = chart.getState();
          out.csv = chart.toCsv().length;
        });
        out.selectWorks = chart.setView('headline') === undefined && chart.select(ds.indicators[0].id);
        // A valid update hides the message.
        const good = structuredClone(ds);
        good.indicators[0].value = -20;
        out.goodUpdate = attempt(() => chart.update(good));
        out.shownAfterGood = shown(el);
        out.rowsAfterGood = chart.getState().rows;
        // A failed mount's message goes away when a mount into that element succeeds.
        const el2 = box();
        attempt(() => window.ic.mount(el2, '{bad json'));
        const ok = window.ic.mount(el2, ds);
        out.remountShown = shown(el2);
        out.remountChildren = el2.querySelectorAll('.ic-mount-error').length;
        ok.destroy();
        chart.destroy();
        return out;
      });
      const check = (name, re) => {
        const x = r[name];
        assert.ok(x.threw, `${name} throws`);
        assert.ok(x.isError, `${name} throws an Error: ${JSON.stringify(x)}`);
        assert.match(x.message, re, `${name}: clear message`);
      };
      check('nullEl', /element/i);
      check('badJson', /JSON/);
      assert.ok(r.badJson.shown.some((t) => t.includes('JSON')), `bad JSON: message shown in the element: ${JSON.stringify(r.badJson.shown)}`);
      check('noIndicators', /indicators/);
      assert.ok(r.noIndicators.shown.some((t) => t.includes('indicators')), `no indicators: message shown in the element: ${JSON.stringify(r.noIndicators.shown)}`);
      check('badView', /view.*nope|nope.*view/i);
      check('setView', /nope/);
      assert.match(r.setView.message, /headline/, 'setView lists the valid views');
      check('setOptions', /locale.*fr|fr.*locale/);
      check('missingSection', /missing/);
      check('onUnknown', /nope/);
      check('onNotFn', /function/);
      assert.ok(r.stateKept, 'failed calls leave the chart state unchanged');
      check('update', /indicators\[3\]\.value/);
      assert.ok(r.update.shown.some((t) => t.includes('indicators[3].value')), `failed update: message shown in the element: ${JSON.stringify(r.update.shown)}`);
      assert.equal(r.afterFailedUpdate.threw, false, `the chart stays usable after a failed update: ${JSON.stringify(r.afterFailedUpdate)}`);
      assert.equal(r.ratesState.view, 'rates');
      assert.ok(r.csv > 10);
      assert.equal(r.selectWorks, true, 'select still works');
      assert.equal(r.goodUpdate.threw, false, `a valid update works: ${JSON.stringify(r.goodUpdate)}`);
      assert.deepEqual(r.shownAfterGood, [], 'a valid update hides the message');
      assert.ok(r.rowsAfterGood > 0);
      assert.deepEqual(r.remountShown, [], 'a successful mount clears an earlier failed mount\'s message');
      assert.equal(r.remountChildren, 0);
    }, { allowErrors: true });
  });

  test('data errors read as the README documents them (no serde or Rust wording)', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const r = await page.evaluate(() => {
        const msg = (data) => {
          const d = document.createElement('div');
          document.getElementById('stage').append(d);
          try { window.ic.mount(d, data).destroy(); return 'no throw'; } catch (e) { return e.message; }
        };
        const bad = structuredClone(window.ds);
        bad.indicators[3].value = 'abc';
        const noQuote = structuredClone(window.ds);
        delete noQuote.indicators[2].quote;
        return {
          object: msg(bad),
          text: msg(JSON.stringify(bad)),
          missing: msg(noQuote),
        };
      });
      // README: "e.g. `indicators[12].value: expected a number, got "abc"`".
      for (const k of ['object', 'text']) {
        assert.match(r[k], /indicators\[3\]\.value: expected a number, got "abc"/, `dataset as ${k}: ${r[k]}`);
        assert.doesNotMatch(r[k], /\bf64\b|Error: /, `dataset as ${k}: no Rust type names or nested "Error:" (${r[k]})`);
      }
      assert.match(r.missing, /indicators\[2\]\.quote: missing field/, `missing field named in the path: ${r.missing}`);
    }, { allowErrors: true });
  });

  test('a failed update keeps the error visible until something valid happens', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const r = await page.evaluate(() => {
        const d = document.createElement('div');
        d.style.width = '500px';
        document.getElementById('stage').append(d);
        const c = window.ic.mount(d, window.ds);
        const bad = structuredClone(window.ds);
        bad.indicators[3].value = 'abc';
        try { c.update(bad); } catch { /* expected */ }
        const alert = d.querySelector('[role=alert]');
        const box = alert.getBoundingClientRect();
        const root = d.querySelector('.ic-root').getBoundingClientRect();
        const out = { text: alert.textContent, display: getComputedStyle(alert).display, inside: box.top >= root.top - 1 && box.bottom <= root.bottom + 1 && box.height > 10 };
        c.setView('rates');
        out.afterSetView = getComputedStyle(alert).display;
        c.destroy();
        return out;
      });
      assert.match(r.text, /indicators\[3\]\.value/);
      assert.notEqual(r.display, 'none');
      assert.ok(r.inside, 'the message sits on the chart');
      assert.equal(r.afterSetView, 'none', 'a successful redraw clears the stale message');
    }, { allowErrors: true });
  });
});

describe('HTML in data stays text', () => {
  test('a label with markup is shown literally', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const LABEL = '<img src=x onerror="window.__pwned=1">';
      await page.evaluate((label) => {
        const ds = structuredClone(window.ds);
        const i = ds.indicators.findIndex((x) => x.id === 'criminal-cases-yoy');
        ds.indicators[i].label = label;
        ds.indicators[i].label_en = label;
        const d = document.createElement('div');
        d.id = 'xss';
        d.style.width = '700px';
        document.getElementById('stage').append(d);
        window.xss = window.ic.mount(d, ds, { view: 'headline' });
        window.__events = [];
        window.xss.on('hover', (e) => window.__events.push(e.indicator?.label ?? null));
      }, LABEL);
      const canvas = page.locator('#xss canvas.ic-canvas');
      const box = await canvas.boundingBox();
      const bar = await page.evaluate(() => window.xss.barRect(0));
      await page.mouse.move(box.x + bar.x + bar.width / 2, box.y + bar.y + bar.height / 2);
      await page.waitForFunction(() => window.__events.length > 0, null, { timeout: 3000 });
      await tablesFilled(page);
      const r = await page.evaluate(() => ({
        hovered: window.__events.at(-1),
        tip: document.querySelector('#xss .ic-tooltip').textContent,
        tipVisible: getComputedStyle(document.querySelector('#xss .ic-tooltip')).display !== 'none',
        table: document.querySelector('#xss table.ic-table').textContent,
        imgs: document.querySelectorAll('img').length,
        pwned: window.__pwned,
        aria: document.querySelector('#xss canvas').getAttribute('aria-label'),
      }));
      assert.equal(r.hovered, LABEL);
      assert.ok(r.tipVisible, 'tooltip visible');
      assert.ok(r.tip.includes(LABEL), `the tooltip shows the markup as text: ${r.tip}`);
      assert.ok(r.table.includes(LABEL), 'the hidden table holds the literal text');
      assert.equal(r.imgs, 0, 'no <img> element was created');
      assert.equal(r.pwned, undefined, 'no script ran');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Home');
      const live = await page.locator('#xss .ic-live').textContent();
      assert.ok(live.includes(LABEL), `the live region reads it as text: ${live}`);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
      await page.evaluate(() => window.xss.toCsv());
      await page.evaluate(() => window.xss.destroy());
    });
  });
});

describe('zero-size container at mount', () => {
  test('mounts under display:none without throwing and draws once shown', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const r = await page.evaluate(async (drawnSrc) => {
        const drawn = eval(drawnSrc);
        const parent = document.createElement('div');
        parent.style.display = 'none';
        const box = document.createElement('div');
        parent.append(box);
        document.getElementById('stage').append(parent);
        let chart;
        const out = {};
        try {
          chart = window.ic.mount(box, window.ds);
          out.threw = false;
        } catch (e) {
          out.threw = e.message;
          return out;
        }
        const cv = box.querySelector('canvas.ic-canvas');
        out.hidden = { drawn: drawn(cv), w: cv.width, h: cv.height, st: chart.getState() };
        out.renders = 0;
        chart.on('render', () => { out.renders += 1; });
        parent.style.display = 'block';
        parent.style.width = '600px';
        out.frames = 0;
        while (out.frames < 4 && !(chart.getState().width > 0)) {
          await new Promise((res) => requestAnimationFrame(res));
          out.frames += 1;
        }
        out.shown = { drawn: drawn(cv), w: cv.width, cssW: cv.getBoundingClientRect().width, st: chart.getState() };
        chart.destroy();
        return out;
      }, DRAWN);
      assert.equal(r.threw, false, `mount did not throw: ${r.threw}`);
      assert.equal(r.hidden.drawn, 0, `nothing drawn while hidden: ${JSON.stringify(r.hidden)}`);
      assert.ok(r.shown.drawn > 0.01, `drawn within a few frames of being shown: ${JSON.stringify(r.shown)}`);
      assert.ok(Math.abs(r.shown.st.width - 600) < 1, 'at the container width');
      assert.equal(r.shown.w, Math.round(r.shown.cssW * r.shown.st.dpr));
      assert.ok(r.renders >= 1, 'a render event was sent');
      assert.ok(r.frames <= 3, `drawn within ${r.frames} frames`);
    });
  });
});

describe('events', () => {
  test('a select handler may call setView (re-entrancy)', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      await page.evaluate(() => {
        const d = document.createElement('div');
        d.id = 'ev';
        d.style.width = '700px';
        document.getElementById('stage').append(d);
        window.c = window.ic.mount(d, window.ds);
        window.log = [];
        window.c.on('select', (e) => {
          window.log.push(['select', e.view, e.indicator?.id ?? null]);
          try { window.c.setView('rates'); window.log.push(['ok', window.c.getState().view]); } catch (err) { window.log.push(['threw', err.message]); }
        });
        window.c.on('render', (e) => window.log.push(['render', e.view]));
      });
      const box = await page.locator('#ev canvas.ic-canvas').boundingBox();
      const bar = await page.evaluate(() => window.c.barRect(1));
      await page.mouse.click(box.x + bar.x + bar.width / 2, box.y + bar.y + bar.height / 2);
      await page.waitForFunction(() => window.log.length >= 2, null, { timeout: 3000 });
      await tablesFilled(page);
      const r = await page.evaluate(() => ({ log: window.log, st: window.c.getState(), rows: document.querySelectorAll('#ev table.ic-table tr').length }));
      assert.deepEqual(r.log[0], ['select', 'headline', 'public-order-cases-yoy']);
      assert.ok(r.log.some((x) => x[0] === 'ok' && x[1] === 'rates'), `setView worked inside the handler: ${JSON.stringify(r.log)}`);
      assert.ok(r.log.some((x) => x[0] === 'render' && x[1] === 'rates'), 'render was sent for the new view');
      assert.equal(r.st.view, 'rates');
      assert.equal(r.rows, r.st.rows + 1);
      await page.evaluate(() => window.c.destroy());
    });
  });

  test('off(event, fn) removes that handler; off(event) removes all', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      await page.evaluate(() => {
        const d = document.createElement('div');
        d.id = 'ev';
        d.style.width = '700px';
        document.getElementById('stage').append(d);
        window.c = window.ic.mount(d, window.ds);
        window.calls = { a: 0, b: 0, h: 0 };
        window.fa = () => { window.calls.a += 1; };
        window.fb = () => { window.calls.b += 1; };
        window.c.on('select', window.fa);
        window.c.on('select', window.fb);
        window.c.on('hover', () => { window.calls.h += 1; });
      });
      const box = await page.locator('#ev canvas.ic-canvas').boundingBox();
      const click = async (k) => {
        const bar = await page.evaluate((k) => window.c.barRect(k), k);
        await page.mouse.click(box.x + bar.x + bar.width / 2, box.y + bar.y + bar.height / 2);
        return page.evaluate(() => ({ ...window.calls }));
      };
      assert.deepEqual(await click(0), { a: 1, b: 1, h: 1 });
      await page.evaluate(() => window.c.off('select', window.fa));
      const c2 = await click(1);
      assert.equal(c2.a, 1, 'off(select, fa) stops fa');
      assert.equal(c2.b, 2, 'fb still runs');
      await page.evaluate(() => window.c.off('select', () => {}));
      assert.equal((await click(2)).b, 3, 'off with an unknown function removes nothing');
      await page.evaluate(() => window.c.off('select'));
      const c4 = await click(3);
      assert.equal(c4.a, 1, 'off(select) removes every select handler');
      assert.equal(c4.b, 3, 'off(select) removes every select handler');
      assert.equal(c4.h, 4, 'hover handlers are untouched');
      await page.evaluate(() => window.c.destroy());
    });
  });
});
