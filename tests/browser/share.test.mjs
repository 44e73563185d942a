// Share links of the host page www/index.html in headless Chromium: the state goes into the
// address (history.replaceState) as it changes, an address brings it all back (the selected
// bar with its tooltip and its marked sentence included), bad values in an address are set
// aside with a visible notice and leave it, and the copy-link button copies the address (or,
// without a clipboard, shows it selected). The embed dialog is tested in embed.test.mjs.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHART_CANVAS, REPO, screenshot, sharedBrowser, tablesFilled, waitForSettled } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const TIP = '#chart .ic-tooltip';

const env = sharedBrowser(TIMEOUT);
let DS;
before(async () => {
  DS = JSON.parse(await readFile(path.join(REPO, 'www', 'data', 'report-2022.json'), 'utf8'));
}, TIMEOUT);
const byId = (id) => DS.indicators.find((i) => i.id === id);

/** The host page at index.html + query, settled; fails with the #status text unless ready. */
async function openHost(query = '', opts = {}) {
  const page = await env.open({ path: `/index.html${query}`, ...opts });
  const state = await waitForSettled(page);
  if (state !== 'ready') {
    const status = await page.locator('#status').textContent();
    await page.context().close();
    assert.fail(`page did not get ready: ${status}; errors: ${page.errors.join('\n')}`);
  }
  return page;
}

async function withHost(query, opts, fn) {
  const page = await openHost(query, opts);
  try {
    await fn(page);
    assert.deepEqual(page.errors, [], 'no console errors or page errors');
  } finally {
    await page.context().close();
  }
}

/** The address's parameters as a plain object (after the page's microtask has written them). */
async function params(page) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  return page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
}

/** The tooltip: shown, its text, and whether it is inside the viewport. */
function tip(page) {
  return page.evaluate((sel) => {
    const t = document.querySelector(sel);
    const r = t.getBoundingClientRect();
    const cs = getComputedStyle(t);
    return {
      visible: cs.display !== 'none' && cs.visibility !== 'hidden' && r.width > 0 && r.height > 0,
      onScreen: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
      text: t.textContent,
    };
  }, TIP);
}

/** The ids of the marked figure(s) in the report text. */
const activeFigures = (page) => page.evaluate(() => [...document.querySelectorAll('.fig.active')].map((b) => b.dataset.ids));

/** Clicks the centre of bar k of the current view (scrolled into sight first). */
async function clickBar(page, k) {
  const p = await page.evaluate(({ k, sel }) => {
    const r = window.chart.barRect(k);
    const canvas = document.querySelector(sel);
    const at = () => {
      const c = canvas.getBoundingClientRect();
      return { x: c.left + r.x + Math.max(r.width, 2) / 2, y: c.top + r.y + r.height / 2 };
    };
    const panel = document.getElementById('chart-panel');
    const pr = panel.getBoundingClientRect();
    if (at().y > pr.bottom - 20) panel.scrollTop += at().y - (pr.top + pr.bottom) / 2;
    if (at().y > innerHeight - 20 || at().y < 20) window.scrollBy(0, at().y - innerHeight / 2);
    return at();
  }, { k, sel: CHART_CANVAS });
  await page.mouse.click(p.x, p.y);
}

describe('state → address', () => {
  test('every control and the selection are written to the address, without new history entries', TIMEOUT, async () => {
    await withHost('', {}, async (page) => {
      assert.deepEqual(await params(page), {}, 'the default state writes nothing');
      const historyLength = await page.evaluate(() => history.length);

      await page.click('#views button[data-view="rates"]');
      assert.deepEqual(await params(page), { view: 'rates' });
      await page.selectOption('#sort', 'value');
      await page.selectOption('#log', 'false');
      await page.selectOption('#theme', 'dark');
      assert.deepEqual(await params(page), { view: 'rates', sort: 'value', log: 'false', theme: 'dark' });
      await page.selectOption('#locale', 'en');
      assert.equal((await params(page)).locale, 'en');

      // The section filter, then the section view and a bar in it.
      await page.selectOption('#section', 's2');
      await page.click('#views button[data-view="section"]');
      let p = await params(page);
      assert.equal(p.view, 'section');
      assert.equal(p.section, 's2');
      assert.equal(p.id, undefined, 'nothing selected yet');

      const ev = page.evaluate(() => new Promise((r) => window.chart.on('select', (e) => r(e.indicator?.id ?? null))));
      await clickBar(page, 1);
      const selected = await ev;
      assert.ok(selected, 'clicking a bar selected an indicator');
      assert.equal((await params(page)).id, selected, 'the selected indicator is in the address');

      // A figure in the text selects its bar: the address follows.
      const yoy = DS.indicators.find((i) => i.kind === 'yoy_change' && !i.repeat_of);
      await page.click('#views button[data-view="headline"]');
      assert.equal((await params(page)).id, undefined, 'a view change clears the selection, and the address with it');
      await page.locator(`.fig[data-ids^="${yoy.id}"]`).first().click();
      assert.equal((await params(page)).id, yoy.id, 'a figure clicked in the text is the selection');

      // Escape on the chart clears the selection.
      await page.locator(CHART_CANVAS).focus();
      await page.keyboard.press('Escape');
      assert.equal((await params(page)).id, undefined, 'Escape clears the selection in the address');

      // Back to the defaults: the address is empty again.
      await page.selectOption('#section', '');
      await page.selectOption('#sort', 'report');
      await page.selectOption('#log', 'auto');
      await page.selectOption('#theme', 'auto');
      await page.selectOption('#locale', 'zh');
      assert.deepEqual(await params(page), {}, 'defaults leave the address');
      assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState: no history entries added');
    });
  });

  test('parameters that are not the page\'s stay; data stays', TIMEOUT, async () => {
    await withHost('?data=data%2Freport-2022.json&utm_source=mail', {}, async (page) => {
      await page.click('#views button[data-view="money"]');
      assert.deepEqual(await params(page), { data: 'data/report-2022.json', utm_source: 'mail', view: 'money' });
    });
  });
});

describe('address → state', () => {
  test('a link restores the view, options, theme, locale and the selection with its tooltip and sentence', TIMEOUT, async () => {
    const rate = DS.indicators.find((i) => i.kind === 'percent' && !i.repeat_of);
    await withHost(`?view=rates&sort=value&log=false&locale=en&theme=dark&id=${rate.id}`, {}, async (page) => {
      const st = await page.evaluate(() => window.chart.getState());
      assert.equal(st.view, 'rates');
      assert.equal(st.sort, 'value');
      assert.equal(st.log, false);
      assert.equal(st.locale, 'en');
      assert.equal(st.theme, 'dark');
      assert.notEqual(st.focus, null, 'a bar has the focus');
      const controls = await page.evaluate(() => ({
        pressed: document.querySelector('#views button[aria-pressed="true"]').dataset.view,
        sort: document.getElementById('sort').value, log: document.getElementById('log').value,
        locale: document.getElementById('locale').value, theme: document.getElementById('theme').value,
        htmlTheme: document.documentElement.dataset.theme, lang: document.documentElement.lang,
      }));
      assert.deepEqual(controls, { pressed: 'rates', sort: 'value', log: 'false', locale: 'en', theme: 'dark', htmlTheme: 'dark', lang: 'en' });
      const t = await tip(page);
      assert.ok(t.visible && t.onScreen, `the selected bar's tooltip shows: ${JSON.stringify(t)}`);
      assert.ok(t.text.includes(rate.label_en), `the tooltip names ${rate.label_en}: ${t.text}`);
      const active = await activeFigures(page);
      assert.equal(active.length, 1, 'one figure marked');
      assert.ok(active[0].split(' ').includes(rate.id), `its sentence is marked: ${active[0]}`);
      assert.equal(await page.evaluate(() => scrollY), 0, 'the page did not jump to the text');
      assert.equal(await page.locator('#notice').isVisible(), false, 'a good link gives no notice');
      // The address is as it came (written back in the page's order).
      assert.deepEqual(await params(page), { view: 'rates', sort: 'value', log: 'false', locale: 'en', theme: 'dark', id: rate.id });
    });
  });

  test('a section filter and a selected count in it, at 375 px: the bar is on screen and the page stays on the chart', TIMEOUT, async () => {
    const count = byId('gang-cases-solved');
    const top = 's3';
    await withHost(`?view=section&section=${top}&id=${count.id}`, { width: 375, height: 740, dpr: 2 }, async (page) => {
      const st = await page.evaluate(() => window.chart.getState());
      assert.equal(st.view, 'section');
      assert.equal(st.section, top);
      assert.equal(await page.locator('#section').inputValue(), top, 'the select shows the section');
      assert.notEqual(st.focus, null);
      const t = await tip(page);
      assert.ok(t.visible && t.onScreen && t.text.includes(count.label), `tooltip of ${count.label}: ${JSON.stringify(t)}`);
      assert.ok((await activeFigures(page))[0].split(' ').includes(count.id), 'its sentence is marked');
      const where = await page.evaluate(() => {
        const c = document.querySelector('#chart canvas.ic-canvas').getBoundingClientRect();
        const f = document.querySelector('.fig.active').getBoundingClientRect();
        return { canvasTop: c.top, canvasBottom: c.bottom, figTop: f.top, vh: innerHeight };
      });
      assert.ok(where.canvasBottom > 0 && where.canvasTop < where.vh, `the chart is on screen: ${JSON.stringify(where)}`);
      assert.ok(where.figTop > where.vh, `the page was not moved to the sentence below: ${JSON.stringify(where)}`);
      await screenshot(page, 'share-reopened-section-375-dpr2');
    });
  });

  test('a repeated figure\'s id selects its original bar and marks its own sentence (zh, dpr 2)', TIMEOUT, async () => {
    const rep = DS.indicators.find((i) => i.repeat_of);
    await withHost(`?id=${rep.id}`, { dpr: 2 }, async (page) => {
      const st = await page.evaluate(() => window.chart.getState());
      assert.equal(st.view, 'headline');
      assert.notEqual(st.focus, null);
      assert.ok((await tip(page)).text.includes(byId(rep.repeat_of).label), 'the tooltip shows the original');
      const active = await activeFigures(page);
      assert.ok(active[0].split(' ').includes(rep.id), `the repeat's own sentence is marked: ${active}`);
      assert.equal((await params(page)).id, rep.id, 'the address keeps the id');
      await screenshot(page, 'share-reopened-zh-dpr2');
    });
  });
});

describe('bad values in the address', () => {
  test('are set aside with a visible notice, leave the address, and the page works', TIMEOUT, async () => {
    const q = '?view=bogus&section=nope&sort=up&log=maybe&locale=fr&theme=neon&id=no-such-id&data=data%2Freport-2022.json';
    await withHost(q, {}, async (page) => {
      const notice = page.locator('#notice');
      assert.ok(await notice.isVisible(), 'the notice shows');
      const text = await page.locator('#notice-text').textContent();
      for (const s of ['view=bogus', 'section=nope', 'sort=up', 'log=maybe', 'locale=fr', 'theme=neon', 'id=no-such-id']) {
        assert.ok(text.includes(s), `the notice names ${s}: ${text}`);
      }
      assert.match(text, /忽略/, 'it says they were ignored (in Chinese, the default locale)');
      assert.equal(await page.evaluate(() => document.getElementById('notice').getAttribute('role')), 'status', 'a status, not an alert');
      assert.equal(await page.locator('#status').isVisible(), false, 'no error');
      assert.deepEqual(await params(page), { data: 'data/report-2022.json' }, 'the address is cleaned of them');
      const st = await page.evaluate(() => window.chart.getState());
      assert.equal(st.view, 'headline', 'the default view');
      assert.ok(st.rows > 0, 'the chart shows bars');
      // The page works: a view button, and the notice follows the locale and closes.
      await page.click('#views button[data-view="money"]');
      assert.equal((await page.evaluate(() => window.chart.getState())).view, 'money');
      await page.selectOption('#locale', 'en');
      assert.match(await page.locator('#notice-text').textContent(), /Ignored from the link: view=bogus \(no such view\)/);
      await screenshot(page, 'share-bad-values');
      await page.click('#notice-close');
      assert.equal(await notice.isVisible(), false, 'the notice closes');
    });
  });

  test('an id the view does not show is set aside, and so is a hostile value, shown as text', TIMEOUT, async () => {
    const count = byId('gang-cases-solved');
    const evil = '<img src=x onerror="window.__pwned=1">';
    await withHost(`?view=headline&id=${count.id}&section=${encodeURIComponent(evil)}`, {}, async (page) => {
      const text = await page.locator('#notice-text').textContent();
      assert.ok(text.includes(`id=${count.id}`) && text.includes('这个视图不显示这个指标'), text);
      assert.ok(text.includes('section=<img'), `the hostile value is shown as text: ${text}`);
      assert.equal(await page.evaluate(() => document.querySelectorAll('#notice img').length + (window.__pwned ?? 0)), 0);
      assert.equal((await page.evaluate(() => window.chart.getState())).focus, null);
      assert.deepEqual(await params(page), {});
    });
  });

  test('a data address on another origin is refused with a message', TIMEOUT, async () => {
    for (const data of ['https://example.com/report.json', '//example.com/r.json', 'javascript:alert(1)', 'data:application/json,{}']) {
      const page = await env.open({ path: `/index.html?data=${encodeURIComponent(data)}` });
      try {
        assert.equal(await waitForSettled(page), 'error', data);
        const status = await page.locator('#status').textContent();
        assert.match(status, /同源/, `${data}: ${status}`);
        assert.deepEqual(page.pageErrors, []);
      } finally {
        await page.context().close();
      }
    }
  });
});

describe('copy link', () => {
  test('copies the address to the clipboard and says so', TIMEOUT, async () => {
    await withHost('?view=money', {}, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
      await page.selectOption('#sort', 'value');
      await page.click('#copy-link');
      await page.waitForFunction(() => document.getElementById('share-status').textContent !== '');
      assert.equal(await page.locator('#share-status').textContent(), '已复制链接');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await page.evaluate(() => location.href));
      assert.ok(copied.includes('view=money') && copied.includes('sort=value'), copied);
      assert.equal(await page.locator('#share-url').isVisible(), false, 'no fallback field');
    });
  });

  test('without a clipboard, shows the link selected in a read-only field', TIMEOUT, async () => {
    const page = await env.open({});
    try {
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
      });
      await page.goto(`${env.server.url}/index.html?view=overview`);
      assert.equal(await waitForSettled(page), 'ready');
      await page.click('#copy-link');
      const field = page.locator('#share-url');
      await field.waitFor({ state: 'visible' });
      const f = await page.evaluate(() => {
        const el = document.getElementById('share-url');
        return { value: el.value, readOnly: el.readOnly, focused: document.activeElement === el,
          selected: el.value.slice(el.selectionStart, el.selectionEnd), href: location.href };
      });
      assert.equal(f.value, f.href);
      assert.ok(f.readOnly && f.focused, 'read-only and focused');
      assert.equal(f.selected, f.href, 'the whole link is selected');
      assert.match(await page.locator('#share-status').textContent(), /Ctrl\+C/);
      await tablesFilled(page);
      assert.deepEqual(page.pageErrors, []);
    } finally {
      await page.context().close();
    }
  });
});
