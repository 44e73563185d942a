// The host page's "paste your own report" panel, in headless Chromium: extractIndicators()
// runs in the browser on the pasted text, the chart and the report panel switch to its
// figures, a table lists them for review, and "恢复报告数据" goes back to the shipped dataset.
// Page contract (www/index.html): details#paste, textarea#paste-text, #paste-extract,
// #paste-restore, #paste-status[data-kind], #paste-review > table#paste-table.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHART_CANVAS, REPO, screenshot, openHostReady, pasteReport, sharedBrowser } from './helpers.mjs';

const TIMEOUT = { timeout: 60_000 };

// A traffic-police paragraph (another genre than the shipped report) and what the
// extractor states for it, in order. 酒驾醉驾4812起 and its 同比上升6.3% overlap, so the
// report panel shows one button fewer than there are figures.
const GENRE_FILE = path.join(REPO, 'tests/fixtures/genre/03-traffic-police.txt');
const GENRE_QUOTES = [
  '道路交通事故死亡人数同比下降14.6%',
  '受伤人数同比下降9.8%',
  '查处各类交通违法行为128.7万起',
  '酒驾醉驾4812起',
  '酒驾醉驾4812起，同比上升6.3%',
  '查处电动自行车不戴头盔违法行为36万余起',
  '完成47处事故多发路段整治',
  '新增信号灯控路口62个',
  '施划标线18.5万平方米',
  '机动车保有量达到142.3万辆',
  '驾驶人数量突破200万人',
];
const GENRE_FIGS = GENRE_QUOTES.length - 1;

const env = sharedBrowser(TIMEOUT);

const openReady = (opts) => openHostReady(env, opts);
const paste = pasteReport;

/** What the page shows: chart state, review table, report panel, status. */
function snapshot(page) {
  return page.evaluate((sel) => {
    const rows = [...document.querySelectorAll('#paste-table tbody tr')];
    const review = document.getElementById('paste-review');
    return {
      state: window.chart.getState(),
      pixels: document.querySelector(sel).toDataURL(),
      reviewVisible: !review.hidden && review.getBoundingClientRect().height > 0,
      rows: rows.map((tr) => [...tr.cells].map((td) => td.textContent)),
      quotes: rows.map((tr) => tr.querySelector('td.quote').textContent),
      headers: [...document.querySelectorAll('#paste-table thead th')].map((th) => th.textContent),
      paragraphs: [...document.querySelectorAll('#report-text p')].map((p) => p.textContent),
      figs: [...document.querySelectorAll('#report-text .fig')].map((b) => b.textContent),
      status: document.getElementById('paste-status').textContent,
      statusKind: document.getElementById('paste-status').dataset.kind,
      restoreDisabled: document.getElementById('paste-restore').disabled,
      title: document.getElementById('title').textContent,
      sectionOptions: document.getElementById('section').options.length,
      pageStatusHidden: document.getElementById('status').hidden,
    };
  }, CHART_CANVAS);
}

describe('paste your own report', () => {
  test('another genre: extracted, charted, listed for review with quotes, report text linked; then restored', TIMEOUT, async () => {
    const page = await openReady();
    try {
      const text = await readFile(GENRE_FILE, 'utf8');
      const shipped = await snapshot(page);
      assert.ok(shipped.state.rows > 0 && shipped.figs.length > 100, `shipped dataset shown first: ${shipped.state.rows} rows, ${shipped.figs.length} figures`);
      assert.equal(shipped.reviewVisible, false, 'no review table before an extraction');
      assert.equal(shipped.restoreDisabled, true, 'nothing to restore yet');
      await page.evaluate(() => {
        window.__renders = 0;
        window.chart.on('render', () => { window.__renders += 1; });
      });

      await paste(page, text);
      const got = await snapshot(page);
      assert.equal(got.statusKind, 'ok', `status: ${got.status}`);
      assert.match(got.status, new RegExp(`${GENRE_QUOTES.length}`), 'the status says how many were found');
      assert.ok(got.reviewVisible, 'the review table is shown');
      assert.equal(got.rows.length, GENRE_QUOTES.length, `one row per figure: ${JSON.stringify(got.rows)}`);
      assert.deepEqual(got.quotes, GENRE_QUOTES, 'each row quotes the text');
      assert.deepEqual(got.rows[2], ['查处各类交通违法行为', '1287000起', '数量', '', '查处各类交通违法行为128.7万起']);
      assert.deepEqual(got.rows[0].slice(1, 3), ['-14.6%', '同比变化']);
      assert.equal(got.rows[5][3], '约', '36万余起 is approximate');
      assert.deepEqual(got.headers, ['指标', '数值', '类型', '约数', '原文']);

      // The chart shows the new figures: rows, a render event, different pixels.
      assert.ok(got.state.rows > 0, `chart rows after extraction: ${JSON.stringify(got.state)}`);
      assert.ok(await page.evaluate(() => window.__renders) > 0, 'the chart re-rendered');
      assert.notEqual(got.pixels, shipped.pixels, 'the canvas was redrawn with other bars');
      assert.equal(got.sectionOptions, 2, 'the section filter lists the pasted text\'s sections (全部 + intro)');

      // The report panel shows the pasted text, its figures as buttons.
      assert.deepEqual(got.paragraphs.join('\n'), text.replace(/\n+$/, ''));
      assert.equal(got.figs.length, GENRE_FIGS, `figure buttons: ${JSON.stringify(got.figs)}`);
      for (const f of got.figs) assert.ok(GENRE_QUOTES.includes(f), `button «${f}» is a quote`);
      assert.ok(got.restoreDisabled === false, 'restore is enabled');

      // Text → chart works on the new data: a figure selects its bar.
      await page.locator('#report-text .fig', { hasText: '施划标线' }).click();
      assert.notEqual(await page.evaluate(() => window.chart.getState().focus), null, 'clicking a figure selects its bar');
      await screenshot(page, 'paste-genre', { fullPage: true });

      // Back to the shipped dataset.
      // (The click above moved the chart to the section view; restoring keeps the view.)
      await page.locator('#paste-restore').click();
      assert.ok((await page.evaluate(() => window.chart.getState().rows)) > 0, 'the restored chart shows rows');
      await page.locator(`#views button[data-view="${shipped.state.view}"]`).click();
      await page.evaluate(() => window.chart.select(null));
      const back = await snapshot(page);
      assert.equal(back.state.view, shipped.state.view);
      assert.equal(back.state.rows, shipped.state.rows, 'the shipped dataset\'s rows are back');
      assert.equal(back.pixels, shipped.pixels, 'the same chart as before');
      assert.deepEqual(back.figs, shipped.figs, 'the report text is back');
      assert.deepEqual(back.paragraphs, shipped.paragraphs);
      assert.equal(back.title, shipped.title);
      assert.equal(back.sectionOptions, shipped.sectionOptions);
      assert.equal(back.reviewVisible, false, 'the review table is hidden again');
      assert.equal(back.restoreDisabled, true);
      assert.equal(back.statusKind, 'ok');
      assert.ok(back.status.length > 0, 'the status says so');
      assert.deepEqual(page.errors, [], 'no console errors or page errors');
    } finally {
      await page.context().close();
    }
  });

  test('text without figures, and no text, are messages in the status line; the chart stays', TIMEOUT, async () => {
    const page = await openReady();
    try {
      const before = await snapshot(page);
      await paste(page, '今年以来，我们坚持以人民为中心，扎实推进各项工作，取得了明显成效。');
      let s = await snapshot(page);
      assert.equal(s.statusKind, 'error');
      assert.match(s.status, /没有找到/, s.status);
      assert.equal(s.state.rows, before.state.rows, 'the chart keeps its data');
      assert.deepEqual(s.figs, before.figs, 'the report panel keeps its text');
      assert.equal(s.reviewVisible, false);
      assert.ok(s.pageStatusHidden, 'the page-level error box is not used');

      await paste(page, '   \n  ');
      s = await snapshot(page);
      assert.equal(s.statusKind, 'error');
      assert.match(s.status, /粘贴/, s.status);

      // The same in English.
      await page.locator('#locale').selectOption('en');
      s = await snapshot(page);
      assert.match(s.status, /Paste/, `the message follows the locale: ${s.status}`);
      assert.equal(await page.locator('#paste summary').textContent(), 'Paste your own report');
      await paste(page, 'No figures here at all.');
      s = await snapshot(page);
      assert.match(s.status, /No figures/, s.status);
      assert.deepEqual(page.errors, [], 'no console errors or page errors');
    } finally {
      await page.context().close();
    }
  });

  test('markup in the pasted text is shown as text, never run', TIMEOUT, async () => {
    const page = await openReady();
    try {
      const hostile = '<img src=x onerror=window.__pwned=1>共破获案件12起';
      await paste(page, hostile);
      const s = await snapshot(page);
      assert.equal(s.statusKind, 'ok', s.status);
      assert.equal(s.rows.length, 1, JSON.stringify(s.rows));
      assert.match(s.quotes[0], /破获案件12起$/);
      assert.equal(s.rows[0][1], '12起');
      assert.deepEqual(s.paragraphs, [hostile], 'the report panel shows the markup literally');
      await page.waitForTimeout(200);
      const dom = await page.evaluate(() => ({
        imgs: document.querySelectorAll('img').length,
        pwned: window.__pwned,
        reportElements: [...document.querySelectorAll('#report-text *')].map((e) => e.tagName),
        tableElements: [...new Set([...document.querySelectorAll('#paste-table *')].map((e) => e.tagName))].sort(),
        titleChildren: document.getElementById('title').children.length,
      }));
      assert.equal(dom.imgs, 0, 'no img element appeared');
      assert.equal(dom.pwned, undefined, 'no handler ran');
      assert.ok(dom.reportElements.every((t) => t === 'P' || t === 'BUTTON'), `report panel: ${dom.reportElements}`);
      assert.deepEqual(dom.tableElements, ['CAPTION', 'TBODY', 'TD', 'TH', 'THEAD', 'TR']);
      assert.equal(dom.titleChildren, 0);

      // In English, the table's headers and kinds follow.
      await page.locator('#locale').selectOption('en');
      const en = await snapshot(page);
      assert.deepEqual(en.headers, ['Indicator', 'Value', 'Kind', 'Approx.', 'Quote']);
      assert.equal(en.rows[0][2], 'count');
      assert.match(en.status, /^Extracted 1 indicator and charted it\./, en.status);
      assert.match(await page.locator('#paste-caption').textContent(), /^Extracted: 1 indicator \(/);
      assert.deepEqual(page.errors, [], 'no console errors or page errors');
    } finally {
      await page.context().close();
    }
  });

  test('extractIndicators() from JS: a plain dataset object, options, and Errors with a code', TIMEOUT, async () => {
    const page = await openReady();
    try {
      const r = await page.evaluate(async () => {
        const { extractIndicators } = await import('./pkg/indicator_chart.js');
        const ds = extractIndicators('市公安局2021年工作总结\n全年破获案件212起，同比下降11.8%。', { title: '测试', year: 2021 });
        const errors = [];
        for (const [text, opts] of [['', undefined], ['没有数字。', null], ['破获案件212起', { year: 'soon' }], ['破获案件212起', 5]]) {
          try { extractIndicators(text, opts); errors.push(null); } catch (e) { errors.push({ isError: e instanceof Error, code: e.code, message: e.message }); }
        }
        return { plain: Object.getPrototypeOf(ds) === Object.prototype && !(ds instanceof Map), ds, errors };
      });
      assert.ok(r.plain, 'a plain object, not a Map');
      assert.equal(r.ds.title, '测试');
      assert.equal(r.ds.source.year, 2021);
      assert.equal(r.ds.source.title, '市公安局2021年工作总结');
      assert.deepEqual(r.ds.indicators.map((i) => [i.value, i.unit, i.kind]), [[212, '起', 'count'], [-11.8, '%', 'yoy_change']]);
      for (const i of r.ds.indicators) {
        assert.equal(Array.from(r.ds.source.text).slice(i.span[0], i.span[1]).join(''), i.quote, 'each quote sits at its span');
      }
      assert.deepEqual(r.errors.map((e) => e && e.code), ['empty', 'no-indicators', 'options', 'options']);
      assert.ok(r.errors.every((e) => e.isError && e.message.length > 0));
      assert.match(r.errors[1].message, /no indicators found/);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });
});
