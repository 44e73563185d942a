// Script injection in headless Chromium. The dataset of www/test/hostile/injection.mjs puts
// <img onerror>, <script>, <svg onload>, <iframe>, javascript: URLs, attribute breakouts,
// RTL overrides, zero-width characters and spreadsheet formulas in labels, English labels,
// quotes, units, ids, section ids and titles, the dataset title and the source title.
// Everywhere they show — tooltip, screen-reader table, aria-label, live region, error
// messages, and in the host page the source panel, headings and menus — they must be text:
// no element made from them, nothing run (window.__pwned stays unset). CSV cells starting
// with = + - @ tab or CR come out prefixed with '. The host page, under its own CSP, must
// report no violation while every control is used.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, openPage, sharedBrowser, waitForSettled } from './helpers.mjs';
import { startHostileServer } from './hostile-server.mjs';
import { FORMULA_START, INJECT, injectionDataset, visibleText } from '../../www/test/hostile/injection.mjs';

const TIMEOUT = { timeout: 90_000 };
const BASE_TEXT = readFileSync(path.join(REPO, 'www/data/report-2022.json'), 'utf8');
const PANIC = /internal error|panicked|RuntimeError|unreachable|out of bounds/i;
/** Elements the widget and the host page create at run time; anything else came from data. */
const ALLOWED_TAGS = new Set(['DIV', 'CANVAS', 'TABLE', 'CAPTION', 'TR', 'TH', 'TD', 'STRONG', 'B', 'P', 'BUTTON', 'OPTION', 'A']);

/** RFC 4180 CSV (CRLF rows, "" escapes) → rows of cells; the BOM is dropped. */
function parseCsv(text) {
  const s = text.replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { cell += '"'; i += 1; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && s[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Every cell safe to open in a spreadsheet; returns the cells for further checks. */
function assertCsvGuarded(csv, where) {
  const rows = parseCsv(csv);
  assert.ok(rows.length >= 2, `${where}: a header and rows`);
  const width = rows[0].length;
  const cells = [];
  rows.forEach((row, r) => {
    assert.equal(row.length, width, `${where}: row ${r} has ${width} cells (no quote or newline broke the row): ${JSON.stringify(row)}`);
    if (r === 0) return;
    row.forEach((cell, c) => {
      cells.push(cell);
      if (c === 4) {
        // The value column: a plain number (a spreadsheet should read "-11.8" as a number).
        assert.match(cell, /^(-?\d+(\.\d+)?(e[+-]?\d+)?)?$/, `${where}: value cell ${r},${c} is a plain number: ${JSON.stringify(cell)}`);
      } else {
        assert.doesNotMatch(cell, FORMULA_START, `${where}: cell ${r},${c} (${rows[0][c]}) must not start a formula: ${JSON.stringify(cell)}`);
      }
    });
  });
  return cells;
}

const ALL_FORMULAS = [INJECT.formulaEq, INJECT.formulaPlus, INJECT.formulaMinus, INJECT.formulaAt, INJECT.formulaTab, INJECT.formulaCr];

const env = sharedBrowser(TIMEOUT);

describe('the widget shows injected strings as text', () => {
  test('tooltip, table, aria-label, live region, CSV and error messages, in every view and locale', TIMEOUT, async () => {
    // A page without a CSP: the widget must be safe on any host page, and here an injected
    // handler would really run (under a CSP it would only be blocked).
    const page = await env.open({ path: '/test/hostile/nocsp.html' });
    try {
      assert.equal(await waitForSettled(page), 'ready');
      const r = await page.evaluate(async (allowed) => {
        const H = window.H;
        const allowedTags = new Set(allowed);
        const foreign = [];
        const onAttrs = [];
        const note = (el) => {
          for (const e of [el, ...el.querySelectorAll('*')]) {
            if (!allowedTags.has(e.tagName)) foreign.push(e.tagName);
            for (const a of e.getAttributeNames()) if (/^on/i.test(a) || /javascript:/i.test(e.getAttribute(a))) onAttrs.push(`${e.tagName}[${a}]`);
          }
        };
        const mo = new MutationObserver((recs) => {
          for (const rec of recs) {
            for (const n of rec.addedNodes) if (n.nodeType === 1) note(n);
            if (rec.type === 'attributes' && /^on/i.test(rec.attributeName)) onAttrs.push(`${rec.target.tagName}[${rec.attributeName}]`);
          }
        });
        mo.observe(document, { subtree: true, childList: true, attributes: true });
        const dangerous = () => document.querySelectorAll('img, script:not([src]), svg, iframe, object, embed, [onerror], [onload], [onmouseover]').length;
        const dangerousBefore = dangerous();

        const { ds, expect } = H.injectionDataset();
        const el = H.box(720);
        const chart = window.ic.mount(el, ds, { view: 'headline' });
        const canvas = el.querySelector('canvas.ic-canvas');
        const tooltip = el.querySelector('.ic-tooltip');
        const live = el.querySelector('.ic-live');
        const table = el.querySelector('table.ic-table');
        const seen = { zh: { tooltip: [], table: [], aria: [], live: [] }, en: { tooltip: [], table: [], aria: [], live: [] } };
        const csvs = [];
        const tooltipTags = new Set();
        const views = [['headline', { section: null }], ['rates', { section: null }], ['money', { section: null }], ['overview', { section: null }],
          ...ds.sections.filter((s) => !s.parent).map((s) => ['section', { section: s.id }])];
        const key = (k) => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
        for (const locale of ['zh', 'en']) {
          chart.setOptions({ locale });
          for (const [v, o] of views) {
            chart.setView(v, o);
            await H.frame();
            const s = seen[locale];
            s.aria.push(canvas.getAttribute('aria-label'));
            s.table.push(table.textContent);
            const n = chart.getState().rows;
            canvas.focus();
            key('Home');
            for (let k = 0; k < n; k += 1) {
              s.tooltip.push(tooltip.textContent);
              for (const e of tooltip.querySelectorAll('*')) tooltipTags.add(e.tagName);
              s.live.push(live.textContent);
              key('ArrowDown');
            }
            key('Escape');
            // The pointer path too: hover the middle of every bar.
            const cr = canvas.getBoundingClientRect();
            for (let k = 0; k < n; k += 1) {
              const b = chart.barRect(k);
              if (!b) continue;
              canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: cr.left + b.x + Math.max(b.width, 2) / 2, clientY: cr.top + b.y + b.height / 2, bubbles: true }));
              s.tooltip.push(tooltip.textContent);
            }
            canvas.dispatchEvent(new PointerEvent('pointerleave', { bubbles: false }));
            csvs.push({ view: v, section: o.section ?? null, locale, csv: chart.toCsv() });
          }
        }
        chart.destroy();
        el.remove();

        // Error messages that carry a payload are text too.
        const errors = [];
        const tryMount = (mutate, opts) => {
          const b = H.injectionDataset().ds;
          mutate(b);
          const box = H.box(600);
          let message = null;
          let c;
          try { c = window.ic.mount(box, b, opts); } catch (e) { message = e.message; }
          if (c && !message) {
            try { c.setView('section', { section: opts.badSection }); } catch (e) { message = e.message; }
          }
          const alert = [...box.querySelectorAll('[role=alert]')].find((a) => getComputedStyle(a).display !== 'none');
          errors.push({ message, alert: alert ? alert.textContent : null, children: alert ? alert.children.length : -1 });
          c?.destroy();
          box.remove();
        };
        tryMount((b) => { b.indicators[0].kind = expect.labels[0]; });
        tryMount((b) => { b.indicators[1].id = b.indicators[0].id; });
        tryMount((b) => { b.indicators[2].section = expect.sectionTitles[0]; });
        tryMount(() => {}, { badSection: expect.labels[1] }); // setView: thrown, not shown (an API misuse)
        await H.frame();
        await new Promise((res) => setTimeout(res, 100)); // an <img onerror> would have fired by now
        const out = {
          seen, csvs, errors, tooltipTags: [...tooltipTags], foreign: [...foreign], onAttrs: [...onAttrs], expect,
          dangerous: dangerous() - dangerousBefore, pwned: window.__pwned ?? null,
        };
        // Canary: the same payload put in as HTML is caught by every detector above.
        const canary = document.createElement('div');
        canary.innerHTML = expect.labels[0];
        document.body.append(canary);
        await new Promise((res) => setTimeout(res, 200));
        mo.takeRecords().forEach((rec) => rec.addedNodes.forEach((n) => n.nodeType === 1 && note(n)));
        out.canary = { foreign: foreign.length, onAttrs: onAttrs.length, dangerous: dangerous() - dangerousBefore, pwned: window.__pwned ?? null };
        canary.remove();
        mo.disconnect();
        return out;
      }, [...ALLOWED_TAGS]);

      assert.ok(r.canary.foreign > 0 && r.canary.onAttrs > 0 && r.canary.dangerous > 0 && r.canary.pwned === 1,
        `the detectors work: the payload inserted as HTML is caught (${JSON.stringify(r.canary)})`);
      const { seen, expect } = r;
      const has = (hay, needle) => visibleText(hay.join('\n')).includes(visibleText(needle));
      for (const [place, locale, strings] of [
        ['table', 'zh', [...expect.labels, ...expect.quotes, ...expect.units]],
        ['table', 'en', [...expect.labelsEn, ...expect.quotes]],
        ['tooltip', 'zh', [...expect.labels, ...expect.quotes, ...expect.sectionTitles, ...expect.units]],
        ['tooltip', 'en', [...expect.labelsEn, ...expect.quotes, ...expect.sectionTitlesEn]],
        ['live', 'zh', expect.labels],
        ['live', 'en', expect.labelsEn],
        ['aria', 'zh', [expect.steepest.zh, ...expect.sectionTitles.slice(0, 3)]],
        ['aria', 'en', [expect.steepest.en, ...expect.sectionTitlesEn.slice(0, 3)]],
      ]) {
        for (const s of strings) {
          assert.ok(has(seen[locale][place], s), `${place} (${locale}) shows ${JSON.stringify(s)} as text`);
        }
      }
      const allowedInTooltip = new Set(['STRONG', 'DIV', 'B']);
      assert.deepEqual(r.tooltipTags.filter((t) => !allowedInTooltip.has(t)), [], 'the tooltip holds only the widget\'s own elements');
      assert.deepEqual(r.foreign, [], 'no element was made from the data');
      assert.deepEqual(r.onAttrs, [], 'no event-handler or javascript: attribute was set');
      assert.equal(r.dangerous, 0, 'no img, script, svg, iframe, object or embed in the document');
      assert.equal(r.pwned, null, 'no payload ran');

      // CSV: every view and locale; every formula payload comes out prefixed with '.
      const cells = [];
      for (const { view, section, locale, csv } of r.csvs) cells.push(...assertCsvGuarded(csv, `toCsv ${view}${section ? ` ${section}` : ''} ${locale}`));
      for (const f of [...ALL_FORMULAS, ...expect.ids.filter((id) => FORMULA_START.test(id))]) {
        assert.ok(cells.some((c) => c === `'${f}` || c.startsWith(`'${f}`)), `CSV has ${JSON.stringify(f)} prefixed with ': ${JSON.stringify(cells.filter((c) => c.includes(f.trim().slice(1, 6))).slice(0, 3))}`);
      }

      assert.equal(r.errors.length, 4);
      for (const e of r.errors) {
        assert.ok(e.message, `an error is thrown: ${JSON.stringify(e)}`);
        if (e === r.errors[3]) continue; // setView refuses before drawing; the page shows it (#status)
        assert.ok(e.alert && e.alert.includes(e.message.replace(/^indicator-chart: /, '')), `the element shows the message as text: ${JSON.stringify(e)}`);
        assert.equal(e.children, 0, 'the message box holds text only');
      }
      assert.ok(r.errors[0].alert.includes('<img src=x'), `the markup in a bad kind shows literally: ${r.errors[0].alert}`);
      assert.deepEqual(page.pageErrors, [], 'no uncaught page errors');
      assert.deepEqual(page.consoleErrors.filter((e) => PANIC.test(e) || /Content.Security.Policy/i.test(e)), [], 'no panic, no CSP violation');
    } finally {
      await page.context().close();
    }
  });
});

describe('the host page under its Content-Security-Policy', () => {
  let hostile;
  let data;
  before(async () => {
    data = injectionDataset(JSON.parse(BASE_TEXT));
    hostile = await startHostileServer({ '/hostile/injection.json': { body: JSON.stringify(data.ds) } });
  }, TIMEOUT);
  after(() => hostile?.close());

  /** Before any page script: CSP violations, and elements or handler attributes added after parsing. */
  function instrument() {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    }, true);
    window.__added = [];
    window.__handlers = [];
    let recording = false;
    const mo = new MutationObserver((recs) => {
      if (!recording) return; // the page's own markup, as parsed
      for (const rec of recs) {
        for (const n of rec.addedNodes) {
          if (n.nodeType !== 1) continue;
          for (const e of [n, ...n.querySelectorAll('*')]) {
            window.__added.push(e.tagName === 'A' ? `A:${String(e.getAttribute('href')).split(':')[0]}` : e.tagName);
            for (const a of e.getAttributeNames()) if (/^on/i.test(a)) window.__handlers.push(`${e.tagName}[${a}]`);
          }
        }
        if (rec.type === 'attributes' && /^on/i.test(rec.attributeName)) window.__handlers.push(`${rec.target.tagName}[${rec.attributeName}]`);
      }
    });
    mo.observe(document, { subtree: true, childList: true, attributes: true });
    // Parsing is done before any module script runs: what is added from then on is run time.
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      mo.takeRecords();
      recording = true;
    });
  }

  test('loads the injected dataset, shows it as text, and every control works with no CSP violation', { timeout: 120_000 }, async () => {
    const page = await openPage(env.browser, { baseUrl: hostile.url, width: 1280, height: 900 });
    try {
      await page.addInitScript(instrument);
      await page.goto(`${hostile.url}/index.html?data=${encodeURIComponent('/hostile/injection.json')}`);
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, 'the page ships a CSP allowing wasm only');
      assert.doesNotMatch(csp.replace(/'wasm-unsafe-eval'/g, ''), /unsafe-eval|unsafe-inline/, `only wasm-unsafe-eval: ${csp}`);
      assert.equal(await waitForSettled(page), 'ready', `ready (#status: ${await page.locator('#status').textContent()})`);
      const { expect } = data;

      // Headings, menus and the source panel show the payloads as text.
      const shown = await page.evaluate(() => ({
        title: document.getElementById('title').textContent,
        docTitle: document.title,
        options: [...document.querySelectorAll('#section option')].map((o) => o.textContent),
        optionValues: [...document.querySelectorAll('#section option')].map((o) => o.value),
        report: document.getElementById('report-text').textContent,
        figs: [...document.querySelectorAll('#report-text .fig')].map((b) => b.textContent),
        figChildren: [...document.querySelectorAll('#report-text .fig')].reduce((n, b) => n + b.children.length, 0),
      }));
      assert.equal(shown.title, `${expect.sourceTitle} · 指标图表`, 'the heading shows the source title as text');
      assert.equal(shown.docTitle, shown.title, 'so does the document title');
      for (const t of expect.sectionTitles) assert.ok(shown.options.some((o) => o.trim() === t), `section menu shows ${JSON.stringify(t)}`);
      assert.ok(shown.optionValues.includes(expect.sectionId), 'a section id with markup is a menu value');
      for (const q of expect.quotes) {
        assert.ok(visibleText(shown.report).includes(visibleText(q)), `the source panel shows the quote ${JSON.stringify(q)}`);
        assert.ok(shown.figs.includes(q), `the quote ${JSON.stringify(q)} is a figure button's text`);
      }
      assert.equal(shown.figChildren, 0, 'figure buttons hold text only');

      // Every control, as a user would use it.
      const statusHidden = () => page.evaluate(() => document.getElementById('status').hidden);
      const problems = [];
      const step = async (what, fn) => {
        await fn();
        if (!(await statusHidden())) problems.push(`${what}: ${await page.locator('#status').textContent()}`);
      };
      for (const v of ['headline', 'rates', 'section', 'overview', 'money']) {
        await step(`view ${v}`, () => page.click(`#views button[data-view="${v}"]`));
      }
      const sections = await page.evaluate(() => [...document.querySelectorAll('#section option')].map((o) => o.value));
      for (const s of sections) await step(`section ${s}`, () => page.selectOption('#section', s));
      await step('section view', () => page.click('#views button[data-view="section"]'));
      for (const s of sections.filter(Boolean)) await step(`section ${s} (section view)`, () => page.selectOption('#section', s));
      await page.selectOption('#section', '');
      for (const s of ['value', 'report']) await step(`sort ${s}`, () => page.selectOption('#sort', s));
      for (const l of ['true', 'false', 'auto']) await step(`log ${l}`, () => page.selectOption('#log', l));
      for (const t of ['dark', 'light', 'auto']) await step(`theme ${t}`, () => page.selectOption('#theme', t));
      await step('locale en', () => page.selectOption('#locale', 'en'));
      const enOptions = await page.evaluate(() => [...document.querySelectorAll('#section option')].map((o) => o.textContent.trim()));
      for (const t of expect.sectionTitlesEn) assert.ok(enOptions.includes(t), `English section menu shows ${JSON.stringify(t)}`);
      await step('view headline (en)', () => page.click('#views button[data-view="headline"]'));

      // Downloads: PNG and CSV (the CSV file itself must be guarded).
      const [png] = await Promise.all([page.waitForEvent('download'), page.click('#png')]);
      assert.match(png.suggestedFilename(), /\.png$/);
      const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
      const csvFile = await readFile(await csvDl.path(), 'utf8');
      const cells = assertCsvGuarded(csvFile, 'downloaded CSV');
      assert.ok(cells.some((c) => c.startsWith(`'${INJECT.formulaEq.slice(0, 10)}`)), 'the downloaded CSV has the = payload prefixed');
      await step('locale zh', () => page.selectOption('#locale', 'zh'));

      // The chart: pointer and keyboard.
      const canvas = page.locator('#chart canvas.ic-canvas');
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      for (let k = 1; k <= 8; k += 1) await page.mouse.move(box.x + box.width * 0.6, box.y + (box.height * k) / 9);
      const tip = await page.evaluate(() => document.querySelector('#chart .ic-tooltip').textContent);
      assert.ok(tip.length > 0, 'hovering shows a tooltip');
      await step('click a bar', () => page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 3));
      await canvas.focus();
      for (const k of ['Home', 'ArrowDown', 'ArrowDown', 'End', 'PageUp', 'Enter', 'Escape']) await step(`key ${k}`, () => page.keyboard.press(k));
      await step('overview', () => page.click('#views button[data-view="overview"]'));
      const ob = await canvas.boundingBox();
      await step('click an overview bar', () => page.mouse.click(ob.x + ob.width * 0.5, ob.y + ob.height * 0.3));

      // The source panel: every figure with a payload, and a few others.
      const figs = page.locator('#report-text .fig');
      const n = await figs.count();
      const picks = new Set([0, 1, n >> 1, n - 1]);
      for (let i = 0; i < n; i += 1) {
        const t = await figs.nth(i).textContent();
        if (expect.quotes.includes(t)) picks.add(i);
      }
      for (const i of picks) await step(`figure ${i}`, () => figs.nth(i).click());

      const end = await page.evaluate(() => ({
        csp: window.__csp, added: window.__added, handlers: window.__handlers, pwned: window.__pwned ?? null,
        dangerous: document.querySelectorAll('img, svg, iframe, object, embed, script:not([src])').length,
        state: window.chart.getState(),
      }));
      console.log(`host page: ${end.added.length} elements added at run time, ${end.csp.length} CSP violations`);
      assert.deepEqual(problems, [], 'no control reported an error');
      assert.deepEqual(end.csp, [], 'no Content-Security-Policy violation');
      const foreign = end.added.filter((t) => !ALLOWED_TAGS.has(t) && !/^A:(blob|data)$/.test(t));
      assert.deepEqual(foreign, [], 'only the widget\'s and page\'s own elements were added (download links to blob:/data: only)');
      assert.deepEqual(end.handlers, [], 'no event-handler attribute was set');
      assert.equal(end.dangerous, 0, 'no img, svg, iframe, object, embed or inline script in the page');
      assert.equal(end.pwned, null, 'no payload ran');
      assert.deepEqual(page.pageErrors, [], 'no uncaught page errors');
      assert.deepEqual(page.consoleErrors, [], 'no console errors (CSP violations are logged there too)');
    } finally {
      await page.context().close();
    }
  });
});
