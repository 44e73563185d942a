// Interaction tests of the host page www/index.html in headless Chromium: hover and
// tooltip, click → select → report text, report text → chart, keyboard, view switching,
// exports and resizing. One browser for the file, one page per test.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHART_CANVAS, REPO, canvasStats, screenshot, sharedBrowser, tablesFilled, waitForSettled } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const ROOT = '#chart .ic-root';
const TIP = '#chart .ic-tooltip';
const TABLE = '#chart table.ic-table';
const LIVE = '#chart .ic-live';

const env = sharedBrowser(TIMEOUT);
let DS;
before(async () => {
  DS = JSON.parse(await readFile(path.join(REPO, 'www', 'data', 'report-2022.json'), 'utf8'));
}, TIMEOUT);

const byId = (id) => DS.indicators.find((i) => i.id === id);
const topSection = (id) => {
  let s = DS.sections.find((x) => x.id === id);
  while (s && s.parent) s = DS.sections.find((x) => x.id === s.parent);
  return s ? s.id : id;
};
// The headline view in report order: the distinct year-over-year changes, as the dataset lists them.
// The headline view's rows: year-on-year changes, then the other changes (its second group).
const HEADLINE = () => [
  ...DS.indicators.filter((i) => i.kind === 'yoy_change' && !i.repeat_of),
  ...DS.indicators.filter((i) => i.kind === 'change' && !i.repeat_of),
];

/** The host page, settled and ready, with every chart event recorded in window.__ev. */
async function openHost(opts = {}) {
  const { query = '', ...rest } = opts;
  const page = await env.open({ path: `/index.html${query}`, ...rest });
  const state = await waitForSettled(page);
  if (state !== 'ready') {
    const status = await page.locator('#status').textContent();
    await page.context().close();
    assert.fail(`page did not get ready: ${status}; errors: ${page.errors.join('\n')}`);
  }
  await page.evaluate(() => {
    window.__ev = [];
    for (const t of ['select', 'hover', 'render']) {
      window.chart.on(t, (e) => window.__ev.push({ type: e.type, view: e.view, index: e.index, id: e.indicator?.id ?? null, section: e.section?.id ?? null }));
    }
  });
  return page;
}

const getState = (page) => page.evaluate(() => window.chart.getState());
const clearEvents = (page) => page.evaluate(() => { window.__ev.length = 0; });

/** Waits for the first recorded event of `type` (after the last clearEvents) and returns it. */
async function nextEvent(page, type, timeout = 5000) {
  try {
    await page.waitForFunction((t) => window.__ev.some((e) => e.type === t), type, { timeout });
  } catch {
    const ev = await page.evaluate(() => window.__ev);
    assert.fail(`no '${type}' event within ${timeout} ms; events: ${JSON.stringify(ev)}`);
  }
  return page.evaluate((t) => window.__ev.filter((e) => e.type === t).at(-1), type);
}

/** Rows of the visually hidden table: [{ label, value, quote }] without the header row. */
async function tableRows(page) {
  await tablesFilled(page);
  return page.evaluate((sel) => [...document.querySelectorAll(`${sel} tr`)].slice(1).map((tr) => {
    const c = [...tr.children].map((x) => x.textContent);
    return { label: c[0], value: c[1], quote: c[2] };
  }), TABLE);
}

/**
 * Viewport coordinates of a point of bar k: 'center' of the bar, or 'right' (3 px from the
 * chart's right edge, at the bar's height). Scrolls the chart panel / window so the point
 * is on screen first.
 */
async function barPoint(page, k, where = 'center') {
  await settleScroll(page);
  const p = await page.evaluate(({ k, where, sel }) => {
    const canvas = document.querySelector(sel);
    const r = window.chart.barRect(k);
    if (!r) return null;
    const panel = document.getElementById('chart-panel');
    const at = () => {
      const c = canvas.getBoundingClientRect();
      const y = c.top + r.y + r.height / 2;
      const x = where === 'right' ? c.right - 3 : c.left + r.x + Math.max(r.width, 0) / 2;
      return { x, y };
    };
    if (panel.scrollHeight > panel.clientHeight + 1) {
      const pr = panel.getBoundingClientRect();
      const { y } = at();
      if (y < pr.top + 30 || y > pr.bottom - 30) panel.scrollTop += y - (pr.top + pr.bottom) / 2;
    }
    const { y } = at();
    if (y < 30 || y > innerHeight - 30) window.scrollBy(0, y - innerHeight / 2);
    return { ...at(), bar: r };
  }, { k, where, sel: CHART_CANVAS });
  assert.ok(p, `chart.barRect(${k}) returned a rectangle`);
  return p;
}

/** Tooltip and chart root geometry and text. */
function tipInfo(page) {
  return page.evaluate(({ tip, root }) => {
    const t = document.querySelector(tip);
    const r = document.querySelector(root);
    const cs = getComputedStyle(t);
    const tr = t.getBoundingClientRect();
    const rr = r.getBoundingClientRect();
    return {
      visible: cs.display !== 'none' && cs.visibility !== 'hidden' && tr.width > 0 && tr.height > 0,
      text: t.textContent,
      tip: { left: tr.left, top: tr.top, right: tr.right, bottom: tr.bottom },
      root: { left: rr.left, top: rr.top, right: rr.right, bottom: rr.bottom },
    };
  }, { tip: TIP, root: ROOT });
}

function assertInside(info, what) {
  const { tip: t, root: r } = info;
  const eps = 0.5;
  assert.ok(t.left >= r.left - eps && t.top >= r.top - eps && t.right <= r.right + eps && t.bottom <= r.bottom + eps,
    `${what}: tooltip ${JSON.stringify(t)} lies inside the chart box ${JSON.stringify(r)}`);
}

/** The tooltip sits next to chart-y `cy` (CSS px from the chart's top): below it, above it, or clamped to an edge. */
function assertBeside(info, cy, what) {
  const top = info.tip.top - info.root.top;
  const bottom = info.tip.bottom - info.root.top;
  const height = info.root.bottom - info.root.top;
  const ok = top >= cy + 11 || bottom <= cy - 11 || top <= 0.5 || bottom >= height - 0.5;
  assert.ok(ok, `${what}: the tooltip (${top}…${bottom} of ${height}) is next to y=${cy}`);
}

/** A cheap fingerprint of the visible canvas's pixels. */
function canvasHash(page) {
  return page.evaluate((sel) => {
    const c = document.querySelector(sel);
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261 >>> 0;
    for (let i = 0; i < d.length; i += 1) h = Math.imul(h ^ d[i], 16777619) >>> 0;
    return `${c.width}x${c.height}:${h.toString(16)}`;
  }, CHART_CANVAS);
}

/** Waits until the window and the chart panel stop scrolling (the page scrolls smoothly). */
async function settleScroll(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const panel = document.getElementById('chart-panel');
    let last = '';
    let same = 0;
    const started = performance.now();
    const tick = () => {
      const now = `${scrollX},${scrollY},${panel.scrollTop}`;
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 5 || performance.now() - started > 5000) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

function assertNoErrors(page) {
  assert.deepEqual(page.errors, [], 'no console errors or page errors');
}

async function withPage(opts, fn) {
  const page = await openHost(opts);
  try {
    await fn(page);
    assertNoErrors(page);
  } finally {
    await page.context().close();
  }
}

describe('hover shows the right bar in a tooltip inside the chart', () => {
  for (const dpr of [1, 2, 3]) {
    test(`devicePixelRatio ${dpr}`, TIMEOUT, async () => {
      await withPage({ dpr }, async (page) => {
        const expected = HEADLINE();
        const st = await getState(page);
        assert.equal(st.view, 'headline');
        assert.equal(st.rows, expected.length, 'headline shows every distinct change');
        const rows = await tableRows(page);
        const last = st.rows - 1;
        for (const k of [0, Math.floor(last / 2), last]) {
          await clearEvents(page);
          const p = await barPoint(page, k);
          await page.mouse.move(p.x, p.y);
          const ev = await nextEvent(page, 'hover');
          assert.equal(ev.id, expected[k].id, `hovering bar ${k} at ${p.x},${p.y} (bar ${JSON.stringify(p.bar)}) gives its indicator`);
          assert.equal(ev.view, 'headline');
          const info = await tipInfo(page);
          assert.ok(info.visible, `tooltip visible for bar ${k}`);
          assert.ok(info.text.includes(expected[k].label), `tooltip names "${expected[k].label}": ${info.text}`);
          assert.ok(info.text.includes(rows[k].value), `tooltip shows the value "${rows[k].value}": ${info.text}`);
          assertInside(info, `bar ${k} centre, dpr ${dpr}`);
          assertBeside(info, p.y - info.root.top, `bar ${k} centre, dpr ${dpr}`);
        }
        // The last bar, pointer at the chart's right edge: the tooltip must flip left and up.
        const p = await barPoint(page, last, 'right');
        await page.mouse.move(p.x, p.y);
        await page.waitForTimeout(50);
        const info = await tipInfo(page);
        assert.ok(info.visible, 'tooltip visible at the bottom-right');
        assert.ok(info.text.includes(expected[last].label), `bottom-right tooltip names the last row: ${info.text}`);
        assertInside(info, `last bar, right edge, dpr ${dpr}`);
        await screenshot(page, `interaction-hover-bottom-right-dpr${dpr}`);

        // Moving away hides it and sends a hover with no indicator.
        await clearEvents(page);
        await page.mouse.move(2, 2);
        const away = await nextEvent(page, 'hover');
        assert.equal(away.id, null, 'hover on leaving carries no indicator');
        assert.equal((await tipInfo(page)).visible, false, 'tooltip hidden after the pointer leaves');

        // A tall view (taller than the scrolling chart panel): bars far down still hit right.
        await page.evaluate(() => window.chart.setView('section', { section: 's2' }));
        const sec = await tableRows(page);
        const n = (await getState(page)).rows;
        for (const k of [1, n - 2, n - 1]) {
          await clearEvents(page);
          const q = await barPoint(page, k, k === n - 1 ? 'right' : 'center');
          await page.mouse.move(q.x, q.y);
          const e = await nextEvent(page, 'hover');
          assert.equal(byId(e.id)?.label, sec[k].label, `section s2, bar ${k} (${sec[k].label}): hover gives ${e.id}`);
          const ti = await tipInfo(page);
          assert.ok(ti.visible && ti.text.includes(sec[k].label), `section s2, bar ${k}: tooltip names it`);
          assertInside(ti, `section s2, bar ${k}, dpr ${dpr}`);
        }
        await page.mouse.move(2, 2);
      });
    });
  }
});

describe('chart → text', () => {
  test('clicking a bar sends select and marks its figure in the report text', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const expected = HEADLINE();
      for (let k = 0; k < expected.length; k += 1) {
        await settleScroll(page);
        await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
        await settleScroll(page);
        await clearEvents(page);
        const p = await barPoint(page, k);
        await page.mouse.click(p.x, p.y);
        const ev = await nextEvent(page, 'select');
        const id = expected[k].id;
        assert.equal(ev.id, id, `click on bar ${k} selects ${id}`);
        assert.equal((await getState(page)).focus, k, 'the clicked bar has the focus');
        const active = await page.evaluate(() => [...document.querySelectorAll('.fig.active')].map((b) => b.dataset.ids));
        assert.equal(active.length, 1, `exactly one active figure after selecting ${id}: ${JSON.stringify(active)}`);
        assert.ok(active[0].split(' ').includes(id), `the active figure is ${id}'s: ${active[0]}`);
        // Scrolled (smoothly) into the viewport.
        try {
          await page.waitForFunction(() => {
            const r = document.querySelector('.fig.active').getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
          }, null, { timeout: 3000 });
        } catch {
          const r = await page.evaluate(() => JSON.stringify(document.querySelector('.fig.active').getBoundingClientRect()));
          assert.fail(`the active figure of ${id} was not scrolled into view: ${r}`);
        }
      }
    });
  });
});

describe('text → chart', () => {
  test('a yoy figure selects its bar; a count figure switches to its section and selects it', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      // A figure whose first id is a yoy change (no repeat): stays in the headline view.
      const yoy = HEADLINE()[2];
      const figYoy = page.locator(`.fig[data-ids^="${yoy.id}"]`).first();
      assert.equal(await figYoy.count(), 1, `the report text has a figure for ${yoy.id}`);
      await figYoy.click();
      let st = await getState(page);
      assert.equal(st.view, 'headline', 'still the headline view');
      assert.notEqual(st.focus, null, 'a bar has the focus');
      let rows = await tableRows(page);
      assert.equal(rows[st.focus].label, yoy.label, `the focused row is ${yoy.label}`);
      assert.equal(st.focus, HEADLINE().findIndex((i) => i.id === yoy.id));
      assert.ok(await figYoy.evaluate((b) => b.classList.contains('active')), 'the clicked figure is active');
      assert.ok((await tipInfo(page)).text.includes(yoy.label), 'the tooltip shows it');

      // A count in a subsection: its view is the section view of the top section.
      const count = byId('gang-cases-solved');
      assert.equal(count.kind, 'count');
      const figCount = page.locator(`.fig[data-ids^="${count.id}"]`).first();
      assert.equal(await figCount.count(), 1, `the report text has a figure for ${count.id}`);
      const ariaBefore = await page.locator(CHART_CANVAS).getAttribute('aria-label');
      await figCount.click();
      st = await getState(page);
      assert.equal(st.view, 'section', 'switched to the section view');
      assert.equal(st.section, topSection(count.section), `the section is ${topSection(count.section)}`);
      assert.notEqual(st.focus, null, 'a bar has the focus');
      rows = await tableRows(page);
      assert.equal(rows[st.focus].label, count.label, `the focused row is ${count.label}`);
      assert.notEqual(await page.locator(CHART_CANVAS).getAttribute('aria-label'), ariaBefore, 'aria-label follows the view');
      assert.equal(await page.locator('#views button[data-view="section"]').getAttribute('aria-pressed'), 'true', 'the section button is pressed');
      // The selected bar is on screen (the page scrolls it into view).
      const p = await page.evaluate(({ sel }) => {
        const c = document.querySelector(sel).getBoundingClientRect();
        const r = window.chart.barRect(window.chart.getState().focus);
        const panel = document.getElementById('chart-panel').getBoundingClientRect();
        return { y: c.top + r.y + r.height / 2, panelTop: panel.top, panelBottom: panel.bottom, vh: innerHeight };
      }, { sel: CHART_CANVAS });
      assert.ok(p.y >= Math.max(0, p.panelTop) && p.y <= Math.min(p.vh, p.panelBottom), `the selected bar is visible: ${JSON.stringify(p)}`);
    });
  });
});

describe('screen readers', () => {
  // The screen-reader table is filled a frame after the chart is drawn; it must then be in
  // Chromium's accessibility tree as a table (rows with a row header per bar), and the
  // canvas must carry its aria-label. Checked on the tree itself
  // (Accessibility.getFullAXTree), not on the DOM: a visually hidden element can be left
  // out of the tree (content-visibility: auto did that, and was not kept).
  test('the hidden table is in the accessibility tree with a row per bar, and follows a view change', TIMEOUT, async () => {
    const page = await openHost();
    const cdp = await page.context().newCDPSession(page);
    const tree = async () => {
      await tablesFilled(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const live = nodes.filter((n) => !n.ignored);
      return {
        tables: live.filter((n) => n.role?.value === 'table').length,
        rowheaders: live.filter((n) => n.role?.value === 'rowheader').map((n) => n.name?.value ?? ''),
        canvas: live.find((n) => (n.name?.value ?? '').includes('按方向键逐项浏览')),
      };
    };
    const headline = HEADLINE().map((i) => i.label);
    let t = await tree();
    assert.equal(t.tables, 1, 'one table in the tree');
    assert.deepEqual(t.rowheaders, headline, 'a row header per headline bar, in order');
    assert.ok(t.canvas, 'the canvas is in the tree with its aria-label');
    await page.click('#views button[data-view="rates"]');
    const st = await getState(page);
    t = await tree();
    assert.equal(t.rowheaders.length, st.rows, `the table follows the rates view (${st.rows} rows)`);
    assert.notDeepEqual(t.rowheaders, headline);
    await page.context().close();
  });
});

describe('keyboard', () => {
  test('Tab focuses the chart; arrows, Home, End, Enter and Escape', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const expected = HEADLINE();
      let focused = false;
      for (let i = 0; i < 40 && !focused; i += 1) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate((sel) => document.activeElement === document.querySelector(sel), CHART_CANVAS);
      }
      assert.ok(focused, 'Tab reaches the chart canvas');
      const outline = await page.evaluate((sel) => {
        const cs = getComputedStyle(document.querySelector(sel));
        return { style: cs.outlineStyle, width: cs.outlineWidth };
      }, CHART_CANVAS);
      assert.notEqual(outline.style, 'none', `a focus outline is drawn: ${JSON.stringify(outline)}`);
      assert.notEqual(outline.width, '0px', `the outline has a width: ${JSON.stringify(outline)}`);

      const n = expected.length;
      const steps = [['ArrowDown', 0], ['ArrowDown', 1], ['ArrowRight', 2], ['ArrowUp', 1], ['ArrowLeft', 0], ['ArrowUp', 0],
        ['End', n - 1], ['ArrowDown', n - 1], ['Home', 0]];
      let lastLive = await page.locator(LIVE).textContent();
      for (const [key, want] of steps) {
        await page.keyboard.press(key);
        const st = await getState(page);
        assert.equal(st.focus, want, `${key} → focus ${want}`);
        const info = await tipInfo(page);
        assert.ok(info.visible, `tooltip visible after ${key}`);
        assert.ok(info.text.includes(expected[want].label), `tooltip follows to "${expected[want].label}" after ${key}: ${info.text}`);
        assertInside(info, `keyboard ${key}`);
        const live = await page.locator(LIVE).textContent();
        assert.ok(live.includes(expected[want].label), `live region names "${expected[want].label}" after ${key}: ${live}`);
        if (key === 'End') assert.notEqual(live, lastLive, 'live region text changes');
        lastLive = live;
        // It points at the focused bar: just below or just above its centre (or clamped to the box).
        const bar = await page.evaluate((k) => window.chart.barRect(k), want);
        assertBeside(info, bar.y + bar.height / 2, `keyboard ${key}`);
      }
      await page.keyboard.press('ArrowDown');
      await clearEvents(page);
      await page.keyboard.press('Enter');
      const sel = await nextEvent(page, 'select');
      assert.equal(sel.id, expected[1].id, 'Enter selects the focused bar');
      assert.ok(await page.evaluate((id) => document.querySelector('.fig.active')?.dataset.ids.split(' ').includes(id), expected[1].id),
        'and its figure in the text is marked');

      await clearEvents(page);
      await page.keyboard.press('Escape');
      const cleared = await nextEvent(page, 'select');
      assert.equal(cleared.id, null, 'Escape sends select with no indicator');
      assert.equal((await getState(page)).focus, null, 'Escape clears the focus');
      assert.equal((await tipInfo(page)).visible, false, 'Escape hides the tooltip');
      assert.equal(await page.locator('.fig.active').count(), 0, 'no figure stays marked');
      assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), CHART_CANVAS), 'the chart keeps keyboard focus');
    });
  });
});

describe('views and options via the host page controls', () => {
  test('every view renders; sort, locale and theme take effect', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const canvas = page.locator(CHART_CANVAS);
      // (The section view shows one part even with no section filter: choosing 全部 there
      // clears the filter, and the view stays on the part it picks by itself.)
      for (const view of ['rates', 'overview', 'money', 'section', 'headline']) {
        if (view === 'headline') {
          await page.selectOption('#section', '');
          const st = await getState(page);
          assert.equal(st.section, null, 'the section filter is cleared');
          assert.equal(await page.locator('#section').inputValue(), st.sectionShown, 'the select shows the part the section view shows');
        }
        const before = { hash: await canvasHash(page), aria: await canvas.getAttribute('aria-label') };
        await page.click(`#views button[data-view="${view}"]`);
        const st = await getState(page);
        assert.equal(st.view, view, `the ${view} button switches the view`);
        assert.ok(st.rows > 0, `${view} has rows`);
        assert.notEqual(await canvasHash(page), before.hash, `${view}: the canvas pixels change`);
        const aria = await canvas.getAttribute('aria-label');
        assert.ok(aria && aria.length > 10, `${view}: aria-label describes the chart`);
        assert.notEqual(aria, before.aria, `${view}: aria-label changes`);
        await tablesFilled(page);
        const trs = await page.locator(`${TABLE} tr`).count();
        assert.equal(trs, st.rows + 1, `${view}: hidden table rows = ${st.rows} rows + header`);
        assert.equal(await page.locator(`#views button[data-view="${view}"]`).getAttribute('aria-pressed'), 'true');
        const s = await canvasStats(page);
        assert.ok(s.nonBackgroundPixels > 0.01 * s.width * s.height, `${view}: drew something: ${JSON.stringify(s)}`);
        if (view === 'section') assert.equal(st.sectionShown, DS.sections.find((x) => !x.parent).id, 'section view opens the first part');
        if (view === 'headline') assert.equal(st.section, null, 'the section filter is cleared');
      }

      // Sort by value: the headline's first row changes (report order starts with -11.8%, value order with the steepest fall).
      const firstBefore = (await tableRows(page))[0].label;
      await page.selectOption('#sort', 'value');
      assert.equal((await getState(page)).sort, 'value');
      const sorted = await tableRows(page);
      assert.notEqual(sorted[0].label, firstBefore, `sorting by value changes the first row (${firstBefore})`);
      const steepest = HEADLINE().reduce((a, b) => (b.value < a.value ? b : a));
      assert.equal(sorted[0].label, steepest.label, 'the steepest fall comes first');

      // English labels.
      await page.selectOption('#locale', 'en');
      assert.equal((await getState(page)).locale, 'en');
      const en = await tableRows(page);
      for (const r of en) assert.match(r.label, /^[\x20-\x7e\u2018-\u201d]+$/, `English label: ${r.label}`);
      assert.ok(en.some((r) => r.label === steepest.label_en), `${steepest.label_en} is among the rows`);
      assert.match(await canvas.getAttribute('aria-label'), /[A-Za-z]{4}/, 'aria-label in English');

      // Dark theme: the canvas background turns dark.
      const light = await canvasStats(page);
      await page.selectOption('#theme', 'dark');
      assert.equal((await getState(page)).theme, 'dark');
      const dark = await canvasStats(page);
      const lum = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
      assert.ok(lum(light.background) > 180, `light background is light: ${JSON.stringify(light.background)}`);
      assert.ok(lum(dark.background) < 70, `dark background is dark: ${JSON.stringify(dark.background)}`);
      const corner = await page.evaluate((sel) => {
        const c = document.querySelector(sel);
        const copy = document.createElement('canvas');
        copy.width = c.width; copy.height = c.height;
        const ctx = copy.getContext('2d');
        ctx.drawImage(c, 0, 0);
        return [...ctx.getImageData(1, 1, 1, 1).data];
      }, CHART_CANVAS);
      assert.ok(lum(corner) < 70 && corner[3] === 255, `the corner pixel is opaque and dark: ${corner}`);
      await screenshot(page, 'interaction-dark-en-value');
    });
  });

  test('the section filter follows the reader to every view only when the reader chose it', TIMEOUT, async () => {
    await withPage({}, async (page) => {
      const view = async (v) => { await page.click(`#views button[data-view="${v}"]`); return (await getState(page)).sectionShown; };
      const select = () => page.locator('#section').inputValue();
      const first = DS.sections.find((x) => !x.parent).id;
      // Nothing chosen: the section view shows the part the widget picks, and only there.
      assert.equal(await view('section'), first, 'the section view picks the first part');
      assert.equal(await select(), first, 'the select shows the pick');
      assert.equal(await view('rates'), null, 'the pick does not follow to the rates view');
      assert.equal(await select(), '', 'the select shows 全部 again');
      // Chosen: it applies to every view, the section view included.
      await page.selectOption('#section', 's3');
      for (const v of ['headline', 'section', 'money']) assert.equal(await view(v), 's3', `s3 applies to the ${v} view`);
      await page.selectOption('#section', '');
      assert.equal(await view('headline'), null, '全部 clears the filter');
      assert.equal(await view('section'), first, 'and the section view picks again');
    });
  });

  test('clicking an overview bar opens that section', TIMEOUT, async () => {
    await withPage({ query: '?view=overview' }, async (page) => {
      const st0 = await getState(page);
      assert.equal(st0.view, 'overview');
      const tops = DS.sections.filter((s) => !s.parent);
      assert.equal(st0.rows, tops.length, 'one overview row per top-level part');
      for (const k of [2, 4]) {
        if ((await getState(page)).view !== 'overview') await page.click('#views button[data-view="overview"]');
        await clearEvents(page);
        const p = await barPoint(page, k);
        await page.mouse.click(p.x, p.y);
        const ev = await nextEvent(page, 'select');
        assert.equal(ev.view, 'overview');
        assert.equal(ev.id, null, 'an overview bar is a section, not an indicator');
        assert.equal(ev.section, tops[k].id, `overview bar ${k} is ${tops[k].id}`);
        const st = await getState(page);
        assert.equal(st.view, 'section', 'the click opens the section view');
        assert.equal(st.section, tops[k].id, `…of ${tops[k].id}`);
        assert.equal(await page.locator('#section').inputValue(), tops[k].id, 'the section select follows');
        await tablesFilled(page);
        const trs = await page.locator(`${TABLE} tr`).count();
        assert.equal(trs, st.rows + 1);
      }
    });
  });
});

describe('exports', () => {
  test('toCsv and toPng match the view', TIMEOUT, async () => {
    await withPage({ dpr: 2 }, async (page) => {
      for (const view of ['headline', 'section']) {
        if (view !== 'headline') await page.click(`#views button[data-view="${view}"]`);
        const out = await page.evaluate(async (sel) => {
          const st = window.chart.getState();
          const csv = window.chart.toCsv();
          const png = window.chart.toPng();
          const c = document.querySelector(sel);
          const img = new Image();
          img.src = png;
          await img.decode();
          return { st, csv, pngHead: png.slice(0, 22), w: img.naturalWidth, h: img.naturalHeight, cw: c.width, ch: c.height };
        }, CHART_CANVAS);
        assert.ok(out.csv.startsWith('\uFEFF'), `${view}: CSV starts with a BOM`);
        const lines = out.csv.replace(/^\uFEFF/, '').split(/\r\n/);
        if (lines.at(-1) === '') lines.pop();
        assert.equal(lines.length, out.st.rows + 1, `${view}: CSV has a header and ${out.st.rows} rows`);
        assert.ok(!/(^|[^\r])\n/.test(out.csv), `${view}: CSV lines end in CRLF`);
        assert.equal(out.pngHead, 'data:image/png;base64,');
        assert.equal(out.w, out.cw, `${view}: PNG width = canvas backing width`);
        assert.equal(out.h, out.ch, `${view}: PNG height = canvas backing height`);
      }
    });
  });
});

describe('resize', () => {
  test('follows the viewport from 1280 to 360 and 2560 px, hit-testing stays right', TIMEOUT, async () => {
    const dpr = 2;
    await withPage({ dpr }, async (page) => {
      const expected = HEADLINE();
      const sizes = async () => page.evaluate(({ root, sel }) => {
        const r = document.querySelector(root).getBoundingClientRect();
        const c = document.querySelector(sel);
        const cr = c.getBoundingClientRect();
        return { root: r.width, css: cr.width, cssH: cr.height, bw: c.width, bh: c.height, st: window.chart.getState() };
      }, { root: ROOT, sel: CHART_CANVAS });
      const follows = async (width) => {
        await page.setViewportSize({ width, height: 800 });
        try {
          await page.waitForFunction(({ root }) => {
            const r = document.querySelector(root).getBoundingClientRect();
            return Math.abs(window.chart.getState().width - r.width) < 0.5;
          }, { root: ROOT }, { timeout: 3000 });
        } catch {
          assert.fail(`after resizing to ${width}: ${JSON.stringify(await sizes())}`);
        }
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const s = await sizes();
        assert.ok(Math.abs(s.st.width - s.root) < 0.5, `${width}: getState().width ${s.st.width} = chart box ${s.root}`);
        assert.equal(s.bw, Math.round(s.css * dpr), `${width}: backing width = round(css × dpr): ${JSON.stringify(s)}`);
        assert.equal(s.bh, Math.round(s.cssH * dpr), `${width}: backing height = round(css × dpr): ${JSON.stringify(s)}`);
        assert.equal(s.st.dpr, dpr);
        return s;
      };
      const wide = await follows(1280);
      const narrow = await follows(360);
      assert.ok(narrow.st.width < 360 && narrow.st.width < wide.st.width, `narrower at 360: ${narrow.st.width}`);
      assert.ok(narrow.st.height > wide.st.height, `compact rows are taller: ${narrow.st.height} vs ${wide.st.height}`);
      // Compact layout: each label is drawn above its bar, starting at the left padding.
      const ink = await page.evaluate(({ sel, n }) => {
        const c = document.querySelector(sel);
        const d = window.chart.getState().dpr;
        const ctx2 = document.createElement('canvas');
        ctx2.width = c.width; ctx2.height = c.height;
        const ctx = ctx2.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(c, 0, 0);
        const bg = ctx.getImageData(1, 1, 1, 1).data;
        const out = [];
        for (let k = 0; k < n; k += 1) {
          const r = window.chart.barRect(k);
          // The strip between the bar's top and 16 px above it, left 120 px of the chart.
          const x0 = Math.round(8 * d), y0 = Math.round((r.y - 16) * d), w = Math.round(120 * d), h = Math.round(12 * d);
          const px = ctx.getImageData(x0, y0, w, h).data;
          let count = 0;
          for (let i = 0; i < px.length; i += 4) {
            if (Math.abs(px[i] - bg[0]) + Math.abs(px[i + 1] - bg[1]) + Math.abs(px[i + 2] - bg[2]) > 120) count += 1;
          }
          out.push(count / (w * h));
        }
        return out;
      }, { sel: CHART_CANVAS, n: expected.length });
      for (const [k, share] of ink.entries()) {
        assert.ok(share > 0.02, `at 360 px the label of row ${k} is drawn above its bar (ink ${share.toFixed(3)})`);
      }
      await screenshot(page, 'interaction-resize-360');
      for (const k of [0, 3, expected.length - 1]) {
        await clearEvents(page);
        const p = await barPoint(page, k);
        await page.mouse.move(p.x, p.y);
        const ev = await nextEvent(page, 'hover');
        assert.equal(ev.id, expected[k].id, `at 360 px, hovering bar ${k} gives ${expected[k].id}`);
        const info = await tipInfo(page);
        assert.ok(info.visible);
        assertInside(info, `360 px, bar ${k}`);
      }
      await page.mouse.move(1, 1);
      await page.evaluate(() => window.scrollTo(0, 0));
      const huge = await follows(2560);
      assert.ok(huge.st.width > wide.st.width, `wider at 2560: ${huge.st.width}`);
      for (const k of [1, expected.length - 2]) {
        await clearEvents(page);
        const p = await barPoint(page, k);
        await page.mouse.move(p.x, p.y);
        const ev = await nextEvent(page, 'hover');
        assert.equal(ev.id, expected[k].id, `at 2560 px, hovering bar ${k} gives ${expected[k].id}`);
      }
      const s = await canvasStats(page);
      assert.ok(s.nonBackgroundPixels > 0.01 * s.width * s.height, `drawn at 2560 px: ${JSON.stringify(s)}`);
    });
  });
});
