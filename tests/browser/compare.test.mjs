// The compare view and the linked tooltip, in headless Chromium on the host page: a pasted
// statistics bulletin (tests/fixtures/real/dev/stats-daqing-2014.txt) states figures with
// their change on last year (生猪出栏241.2万头，同比增长18.4%); the extractor links them
// (`of`), the compare view draws each such figure beside last year's value derived from
// the change (a pale bar, 据同比推算), and the tooltip of a linked figure or change shows
// both. The shipped report states no such pair: its compare view says so and names a view.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHART_CANVAS, REPO, canvasStats, screenshot, openHostReady, pasteReport, sharedBrowser } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const TIP = '#chart .ic-tooltip';
const DAQING = path.join(REPO, 'tests/fixtures/real/dev/stats-daqing-2014.txt');

const env = sharedBrowser(TIMEOUT);

const openReady = (opts) => openHostReady(env, opts);

/** Pastes `text` and waits until the extraction has succeeded. */
async function paste(page, text) {
  await pasteReport(page, text);
  await page.waitForFunction(() => document.getElementById('paste-status').dataset.kind === 'ok');
}

/** Hovers bar k (scrolled into view) and returns the tooltip's text once it shows. */
async function hoverTip(page, k) {
  const p = await page.evaluate(({ k, sel }) => {
    const canvas = document.querySelector(sel);
    const r = window.chart.barRect(k);
    if (!r) return null;
    canvas.scrollIntoView({ block: 'start' });
    const panel = document.getElementById('chart-panel');
    const c0 = canvas.getBoundingClientRect();
    const y0 = c0.top + r.y + r.height / 2;
    if (y0 > innerHeight - 40 || y0 < 40) {
      if (panel.scrollHeight > panel.clientHeight + 1) panel.scrollTop += y0 - innerHeight / 2;
      else window.scrollBy(0, y0 - innerHeight / 2);
    }
    const c = canvas.getBoundingClientRect();
    return { x: c.left + r.x + Math.max(r.width, 2) / 2, y: c.top + r.y + r.height / 2 };
  }, { k, sel: CHART_CANVAS });
  assert.ok(p, `chart.barRect(${k}) returned a rectangle`);
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction((sel) => getComputedStyle(document.querySelector(sel)).display !== 'none', TIP);
  return page.locator(TIP).textContent();
}

/** The visually hidden table's rows: [label, value, quote]. */
function tableRows(page) {
  return page.evaluate(() => [...document.querySelectorAll('#chart table tr')].slice(1)
    .map((tr) => [...tr.children].map((x) => x.textContent)));
}

describe('compare view and linked tooltip', () => {
  test('a pasted bulletin: figure beside derived last year, pale bars, tooltip and table say so', TIMEOUT, async () => {
    const page = await openReady();
    try {
      await paste(page, await readFile(DAQING, 'utf8'));
      await page.click('#views button[data-view="compare"]');
      const st = await page.evaluate(() => window.chart.getState());
      assert.equal(st.view, 'compare');
      assert.ok(st.rows >= 8 && st.rows % 2 === 0, `pairs of rows: ${st.rows}`);
      assert.equal(await page.locator('#views button[data-view="compare"]').getAttribute('aria-pressed'), 'true');
      const svg = await page.evaluate(() => window.chart.toSvg());
      assert.match(svg, /今年与上年/, 'the title');
      assert.match(svg, /浅色条为2013年值，据同比推算/, 'the subtitle explains the pale bars');
      assert.match(svg, /2013年（据同比推算）/, 'the derived bars are labelled');
      assert.doesNotMatch(svg, /单位：头[^<]*单位：头/, 'a unit is one group');
      // Pale bars: the derived colour (the blue mixed 45% into white) is drawn.
      const stats = await canvasStats(page);
      assert.ok(stats.distinctColors >= 2, `bars in two tones: ${JSON.stringify(stats.topColors)}`);

      // Rows come in pairs: the figure (2014) and the derived value (2013).
      const rows = await tableRows(page);
      assert.equal(rows.length, st.rows);
      const pig = rows.findIndex((r) => r[0].startsWith('生猪出栏'));
      assert.ok(pig >= 0, `a 生猪出栏 row: ${JSON.stringify(rows.map((r) => r[0]))}`);
      assert.match(rows[pig][0], /生猪出栏（2014年）/);
      assert.equal(rows[pig][1], '241.2万头，同比上升18.4%', 'the figure with its change');
      assert.match(rows[pig + 1][0], /2013年（据同比推算）/);
      // 241.2 ÷ 1.184 = 203.7
      assert.equal(rows[pig + 1][1], '203.7万头（据同比上升18.4%推算）');

      const tipNow = await hoverTip(page, pig);
      assert.match(tipNow, /241\.2万头，同比上升18\.4%/, `tooltip of the figure: ${tipNow}`);
      const tipPrev = await hoverTip(page, pig + 1);
      assert.match(tipPrev, /生猪出栏 · 2013年（据同比推算）/, `tooltip of the derived bar: ${tipPrev}`);
      assert.match(tipPrev, /203\.7万头（据同比上升18\.4%推算）/, `tooltip of the derived bar: ${tipPrev}`);
      await screenshot(page, 'compare-daqing');

      // In English the words change, the numbers stay.
      await page.selectOption('#locale', 'en');
      const en = await page.evaluate(() => window.chart.toSvg());
      assert.match(en, /pale bars: 2013, derived from the stated change/);
      assert.match(en, /2013 \(derived\)/);
    } finally {
      await page.close();
    }
  });

  test('the headline view: a linked change\'s tooltip names its figure', TIMEOUT, async () => {
    const page = await openReady();
    try {
      await paste(page, await readFile(DAQING, 'utf8'));
      await page.click('#views button[data-view="headline"]');
      const rows = await tableRows(page);
      const k = rows.findIndex((r) => r[0] === '生猪出栏');
      assert.ok(k >= 0, `a 生猪出栏 change: ${JSON.stringify(rows.map((r) => r[0]))}`);
      assert.equal(rows[k][1], '241.2万头，同比上升18.4%');
      const tip = await hoverTip(page, k);
      assert.match(tip, /241\.2万头，同比上升18\.4%/, `tooltip: ${tip}`);
      // A change with no figure before it keeps its own words alone.
      const lone = rows.findIndex((r) => r[0].startsWith('高于全市平均水平'));
      if (lone >= 0) assert.doesNotMatch(rows[lone][1], /，/, `no figure joined: ${rows[lone][1]}`);
    } finally {
      await page.close();
    }
  });

  test('the shipped report: the compare view says it has nothing and names a view', TIMEOUT, async () => {
    const page = await openReady();
    try {
      await page.click('#views button[data-view="compare"]');
      const st = await page.evaluate(() => window.chart.getState());
      assert.equal(st.view, 'compare');
      assert.equal(st.rows, 0);
      const svg = await page.evaluate(() => window.chart.toSvg());
      assert.match(svg, /本数据没有同时给出同比变化的指标，可查看「同比变化」/);
      assert.deepEqual(page.errors ?? [], []);
    } finally {
      await page.close();
    }
  });
});
