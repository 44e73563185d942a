// Publishing from the widget: the source line at every chart's foot (option `source`),
// chart.toSvg() (a standalone SVG that parses, with <title>, <desc>, text labels and the
// source line), the author's `description`, and the `table` option (the rows shown under
// the chart, read once by a screen reader). The <indicator-chart> attributes source,
// description and table, on the npm package (pkg/, built by ./build.sh package).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO, sharedBrowser, tablesFilled, waitForSettled } from './helpers.mjs';
import { startServer } from '../../tools/serve.mjs';

const TIMEOUT = { timeout: 90_000 };
const env = sharedBrowser(TIMEOUT);

async function withApi(opts, fn) {
  const page = await env.open(opts);
  try {
    await page.goto(new URL('/test/api.html', env.server.url + '/').href);
    assert.equal(await waitForSettled(page), 'ready', `api.html: ${page.errors.join('\n')}`);
    await fn(page);
    assert.deepEqual(page.errors, [], 'no console errors or page errors');
  } finally {
    await page.context().close();
  }
}

/** In-page: mounts a chart in a fresh box `width` px wide; returns [chart, box]. */
const MOUNT = `(width, options) => {
  const box = document.createElement('div');
  box.style.width = width + 'px';
  document.getElementById('stage').append(box);
  return [window.ic.mount(box, window.ds, options), box];
}`;

/** In-page: inked pixels (far from the background) per CSS-pixel row band of a canvas, from the bottom. */
const INK_AT_FOOT = `(canvas, cssRows) => {
  const dpr = canvas.width / canvas.getBoundingClientRect().width;
  const h = Math.round(cssRows * dpr);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const d = ctx.getImageData(0, canvas.height - h, canvas.width, h).data;
  const bg = ctx.getImageData(1, 1, 1, 1).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 60) n += 1;
  }
  return n;
}`;

describe('source line', () => {
  for (const dpr of [1, 2]) {
    test(`the canvas shows more ink at its foot with the source line than without (dpr ${dpr})`, TIMEOUT, async () => {
      await withApi({ dpr }, async (page) => {
        const r = await page.evaluate(({ MOUNT, INK_AT_FOOT }) => {
          const mount = eval(MOUNT);
          const ink = eval(INK_AT_FOOT);
          const out = {};
          for (const [name, source] of [['with', undefined], ['without', false]]) {
            // The rates view ends in its axis: without the line the foot holds only tick labels.
            const [c, box] = mount(640, { view: 'rates', theme: 'light', source });
            const canvas = box.querySelector('canvas.ic-canvas');
            out[name] = { ink: ink(canvas, 24), height: c.getState().height, csv: c.toCsv().split('\r\n')[0] };
            c.destroy();
          }
          // setOptions toggles it on a live chart.
          const [c, box] = mount(640, { view: 'rates', theme: 'light' });
          const h0 = c.getState().height;
          c.setOptions({ source: false });
          const h1 = c.getState().height;
          c.setOptions({ source: true });
          out.toggled = { h0, h1, h2: c.getState().height, box: !!box };
          try {
            c.setOptions({ source: 'no' });
          } catch (e) {
            out.bad = e.message;
          }
          c.destroy();
          return out;
        }, { MOUNT, INK_AT_FOOT });
        assert.ok(r.with.ink > 40 * dpr * dpr, `the foot carries the source line's ink: ${JSON.stringify(r)}`);
        assert.ok(r.with.ink > 3 * r.without.ink, `more ink at the foot with the line than without: ${JSON.stringify(r)}`);
        assert.ok(r.with.height > r.without.height + 10, `the line takes height: ${JSON.stringify(r)}`);
        assert.ok(r.toggled.h1 < r.toggled.h0 && r.toggled.h2 === r.toggled.h0, `source toggles: ${JSON.stringify(r.toggled)}`);
        assert.match(r.bad ?? '', /options\.source: expected true or false/, 'a bad value is named');
        assert.match(r.with.csv, /,来源,年份$/, `the CSV has source and year columns: ${r.with.csv}`);
      });
    });
  }
});

describe('toSvg', () => {
  test('a standalone SVG that parses, with <title>, <desc>, text labels and the source line', TIMEOUT, async () => {
    await withApi({}, async (page) => {
      const r = await page.evaluate(({ MOUNT }) => {
        const mount = eval(MOUNT);
        const [c] = mount(720, { view: 'headline', locale: 'zh', theme: 'light', description: '作者的说明 <b>&"' });
        const svg = c.toSvg();
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        const root = doc.documentElement;
        const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
        const csvLabels = c.toCsv().split('\r\n').slice(1, 4).map((l) => l.split(',')[2]);
        // Every text inherits the font list from the root (or sets its own).
        const families = new Set([...doc.querySelectorAll('text')].map((t) => t.closest('[font-family]')?.getAttribute('font-family')));
        const out = {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: root.localName,
          first: root.firstElementChild?.localName,
          title: doc.querySelector('svg > title')?.textContent,
          desc: doc.querySelector('svg > desc')?.textContent,
          width: Number(root.getAttribute('width')),
          state: c.getState(),
          texts,
          csvLabels,
          families: [...families],
          length: svg.length,
        };
        c.setOptions({ source: false });
        out.noSource = new DOMParser().parseFromString(c.toSvg(), 'image/svg+xml').querySelectorAll('text').length;
        c.destroy();
        return out;
      }, { MOUNT });
      assert.equal(r.error, null, 'the SVG parses as XML');
      assert.equal(r.root, 'svg');
      assert.equal(r.first, 'title', '<title> comes first');
      assert.match(r.title, /^同比/, 'the chart\'s title (同比变化, or 同比及其他变化 when other changes share the view)');
      assert.equal(r.desc, '作者的说明 <b>&"', 'the author\'s description, escaped and read back intact');
      assert.equal(r.width, Math.round(r.state.width), 'the SVG is the chart\'s size');
      for (const label of r.csvLabels) {
        assert.ok(r.texts.some((t) => t.includes(label.slice(0, 4))), `the label ${label} is text in the SVG: ${r.texts.slice(0, 12)}`);
      }
      assert.ok(r.texts.some((t) => t.startsWith('来源：')), `the source line is text in the SVG: ${r.texts.slice(-3)}`);
      assert.ok(r.families.every((f) => /Noto Sans CJK SC/.test(f) && /sans-serif/.test(f)), `a font list that covers Chinese: ${r.families}`);
      assert.equal(r.noSource, r.texts.length - 1, 'source: false leaves the line out of the SVG too');
    });
  });
});

describe('description and table', () => {
  test('description replaces the lead of the aria-label; table: true shows the rows, read once', TIMEOUT, async () => {
    await withApi({}, async (page) => {
      await page.evaluate(({ MOUNT }) => {
        const mount = eval(MOUNT);
        const [c, box] = mount(640, { view: 'rates', locale: 'zh', table: true, description: '各项比率均高于去年' });
        window.__c = c;
        window.__box = box;
      }, { MOUNT });
      await tablesFilled(page);
      const shown = await page.evaluate(() => {
        const box = window.__box;
        const canvas = box.querySelector('canvas.ic-canvas');
        const table = box.querySelector('table.ic-table');
        const rect = table.getBoundingClientRect();
        const canvasRect = canvas.getBoundingClientRect();
        const cs = getComputedStyle(table);
        return {
          label: canvas.getAttribute('aria-label'),
          describedby: canvas.getAttribute('aria-describedby'),
          tables: box.querySelectorAll('table').length,
          rows: table.querySelectorAll('tr').length - 1,
          bars: window.__c.getState().rows,
          width: rect.width,
          height: rect.height,
          clipped: cs.position === 'absolute' || cs.clipPath !== 'none',
          below: rect.top >= canvasRect.bottom - 1,
          firstCell: table.querySelector('tr:nth-child(3) th')?.textContent,
          html: table.querySelector('td')?.innerHTML,
        };
      });
      assert.match(shown.label, /^各项比率均高于去年。按方向键/, `the author's lead: ${shown.label}`);
      assert.equal(shown.tables, 1, 'one table: the screen reader reads the rows once');
      assert.equal(shown.describedby, null, 'a visible table is in the reading order; the canvas does not point at it too');
      assert.equal(shown.rows, shown.bars, 'one table row per bar');
      assert.ok(!shown.clipped && shown.width > 600 && shown.height > 20 * shown.rows, `the table is visible under the chart: ${JSON.stringify(shown)}`);
      assert.ok(shown.below, 'the table sits below the canvas');
      const hidden = await page.evaluate(async () => {
        window.__c.setOptions({ table: false, description: null });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const box = window.__box;
        const canvas = box.querySelector('canvas.ic-canvas');
        const table = box.querySelector('table.ic-table');
        // Hidden, the table sits in a 1-px box that clips it (the box, not the table: a
        // table is never narrower than its longest row).
        const cs = getComputedStyle(table.parentElement);
        return {
          label: canvas.getAttribute('aria-label'),
          describedby: canvas.getAttribute('aria-describedby'),
          tableId: table.id,
          clipped: cs.position === 'absolute' && cs.clipPath === 'inset(50%)' && cs.overflow === 'hidden',
          rows: table.querySelectorAll('tr').length - 1,
        };
      });
      assert.equal(hidden.describedby, hidden.tableId, 'hidden again, the canvas points at it');
      assert.ok(hidden.clipped, `the table is visually hidden again: ${JSON.stringify(hidden)}`);
      assert.ok(hidden.rows > 0, 'and still filled for screen readers');
      assert.match(hidden.label, /^条形图/, `the generated lead is back: ${hidden.label}`);
    });
  });
});

describe('<indicator-chart> attributes', () => {
  test('source="false", description and table', TIMEOUT, async (t) => {
    const pkg = path.join(REPO, 'pkg', 'element.js');
    if (!existsSync(pkg)) {
      assert.fail(`${pkg} is missing: run ./build.sh package`);
    }
    const server = await startServer({ root: REPO, port: 0 });
    t.after(() => server.close());
    const page = await env.browser.newPage({ viewport: { width: 900, height: 900 } });
    try {
      await page.goto(new URL('/examples/hostile/clean.html', server.url + '/').href);
      const r = await page.evaluate(async () => {
        await import(new URL('../../pkg/element.js', location.href).href);
        const make = (attrs) => {
          const el = document.createElement('indicator-chart');
          el.setAttribute('src', '../../www/data/report-2022.json');
          el.setAttribute('view', 'rates');
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
          document.body.append(el);
          return new Promise((res, rej) => {
            el.addEventListener('load', () => res(el), { once: true });
            el.addEventListener('error', (e) => rej(new Error(e.message)), { once: true });
          });
        };
        const plain = await make({});
        const bare = await make({ source: 'false', description: '作者说明', table: '' });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const info = (el) => {
          const canvas = el.shadowRoot.querySelector('canvas.ic-canvas');
          return {
            height: el.chart.getState().height,
            label: canvas.getAttribute('aria-label'),
            tableShown: getComputedStyle(el.shadowRoot.querySelector('table.ic-table').parentElement).position === 'static',
            svgSource: el.chart.toSvg().includes('来源：'),
          };
        };
        const out = { plain: info(plain), bare: info(bare) };
        bare.setAttribute('source', 'true');
        bare.removeAttribute('table');
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        out.back = info(bare);
        return out;
      });
      assert.ok(r.plain.svgSource && !r.bare.svgSource, `source="false" hides the line: ${JSON.stringify(r)}`);
      assert.ok(r.bare.height < r.plain.height, 'and its height');
      assert.match(r.bare.label, /^作者说明。/, 'description attribute');
      assert.ok(r.bare.tableShown && !r.plain.tableShown, `table attribute shows the table: ${JSON.stringify(r)}`);
      assert.ok(r.back.svgSource && !r.back.tableShown, `attributes changed back: ${JSON.stringify(r.back)}`);
    } finally {
      await page.close();
    }
  });
});
