// Phone readers: the host page on a 375×740 touch phone (dpr 3) and at 320 px, in headless
// Chromium with touch (hasTouch, isMobile). A tap on a bar pins its detail in place (no
// jump), a second tap, a tap elsewhere on the chart or the page, or Escape takes it away; a
// vertical swipe over the chart still scrolls the page, a sideways slide scrubs the detail
// along the bars; the page offers 在原文中查看 and 返回图表 instead of jumping; a mouse keeps
// its hover. One browser for the file, one context per test.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART_CANVAS, screenshot, sharedBrowser, waitForSettled } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const TIP = '#chart .ic-tooltip';
const env = sharedBrowser(TIMEOUT);

/** The host page in a touch phone's context, settled, every chart event recorded in window.__ev. */
async function openPhone({ width = 375, height = 740, dpr = 3, touch = true, query = '' } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, isMobile: touch, colorScheme: 'light',
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.location()?.url ?? '')) page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e.stack ?? e)));
  await page.goto(`${env.server.url}/index.html${query}`);
  assert.equal(await waitForSettled(page), 'ready', `page ready: ${page.errors.join('\n')}`);
  await page.evaluate(() => {
    window.__ev = [];
    for (const t of ['select', 'hover']) window.chart.on(t, (e) => window.__ev.push({ type: e.type, id: e.indicator?.id ?? null }));
  });
  return page;
}

async function withPhone(opts, fn) {
  const page = await openPhone(opts);
  try {
    await fn(page);
    assert.deepEqual(page.errors, [], 'no console errors or page errors');
  } finally {
    await page.context().close();
  }
}

const state = (page) => page.evaluate(() => window.chart.getState());
const events = (page) => page.evaluate(() => window.__ev.splice(0));
const frames = (page, n = 3) => page.evaluate((n) => new Promise((res) => {
  const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : res());
  step(n);
}), n);

/** Viewport point of bar k: its middle, or `dx` px from its start; the page is scrolled (at once) to show it. */
async function barPoint(page, k, { dx = null } = {}) {
  return page.evaluate(({ k, dx, sel }) => {
    const canvas = document.querySelector(sel);
    const r = window.chart.barRect(k);
    const at = () => {
      const c = canvas.getBoundingClientRect();
      const x = dx == null ? c.left + r.x + Math.max(r.width, 8) / 2 : c.left + r.x + dx;
      return { x, y: c.top + r.y + r.height / 2 };
    };
    const { y } = at();
    if (y < 60 || y > innerHeight - 120) window.scrollBy({ top: y - innerHeight / 3, behavior: 'instant' });
    return at();
  }, { k, dx, sel: CHART_CANVAS });
}

/** The tooltip: shown?, its text and bold words, its box, the chart's box and the screen's. */
async function tip(page) {
  const vp = page.viewportSize();
  const t = await page.evaluate((sel) => {
    const t = document.querySelector(sel);
    const r = t.getBoundingClientRect();
    const root = document.querySelector('#chart .ic-root').getBoundingClientRect();
    return {
      visible: getComputedStyle(t).display !== 'none' && r.width > 0,
      text: t.textContent,
      bold: [...t.querySelectorAll('.ic-tt-quote b')].map((b) => b.textContent),
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      root: { left: root.left, top: root.top, right: root.right, bottom: root.bottom },
    };
  }, TIP);
  // The screen as the phone has it (were the page wider, innerWidth would grow with it).
  return { ...t, screen: vp };
}

function assertOnScreen(t, what) {
  const { box: b, root: r, screen: s } = t;
  assert.ok(b.left >= -0.5 && b.right <= s.width + 0.5 && b.top >= -0.5 && b.bottom <= s.height + 0.5,
    `${what}: the detail ${JSON.stringify(b)} is on the ${s.width}×${s.height} screen`);
  assert.ok(b.left >= r.left - 0.5 && b.right <= r.right + 0.5, `${what}: the detail is within the chart's width`);
}

/** A touch stroke through CDP: down at the first point, moves through the rest, up. */
async function stroke(page, points, { stepMs = 16 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const tp = ({ x, y }) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: tp(points[0]) });
  for (const p of points.slice(1)) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: tp(p) });
    await page.waitForTimeout(stepMs);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Points from a to b in n steps (a excluded). */
const path = (a, b, n) => Array.from({ length: n }, (_, i) => ({ x: a.x + ((b.x - a.x) * (i + 1)) / n, y: a.y + ((b.y - a.y) * (i + 1)) / n }));

const HEADLINE_LABELS = (page) => page.evaluate(() => [...document.querySelectorAll('#chart table.ic-table tr')].slice(1).map((tr) => tr.children[0].textContent));

describe('the phone page', () => {
  test('375×740: the chart starts on the first screen; views in one row; options folded; nothing wider than the screen', TIMEOUT, async () => {
    await withPhone({}, async (page) => {
      await screenshot(page, 'touch-phone-375-start');
      const m = await page.evaluate((sel) => {
        const c = document.querySelector(sel).getBoundingClientRect();
        const tops = [...document.querySelectorAll('#views button')].map((b) => b.getBoundingClientRect().top);
        return { chartTop: c.top, tops, open: document.getElementById('options').open, scrollW: document.documentElement.scrollWidth,
          sectionShown: document.getElementById('section').checkVisibility() };
      }, CHART_CANVAS);
      assert.ok(m.chartTop < 740 - 250, `the chart's top (${m.chartTop}) leaves at least 250 px of it on the first screen`);
      assert.equal(new Set(m.tops).size, 1, `the view buttons are one row: tops ${m.tops}`);
      assert.equal(m.open, false, 'the options are folded');
      assert.equal(m.sectionShown, false, 'the section select is inside the folded options');
      assert.ok(m.scrollW <= 375, `nothing is wider than the screen (${m.scrollW})`);
      // The disclosure opens on a tap and shows the options.
      await page.tap('#options-title');
      assert.ok(await page.locator('#section').isVisible(), 'the section select shows once the options open');
      assert.ok(await page.locator('#csv').isVisible(), 'so do the exports');
    });
  });

  test('320×568: the views scroll sideways, text is at least 12 px, nothing is wider than the screen', TIMEOUT, async () => {
    await withPhone({ width: 320, height: 568, dpr: 2 }, async (page) => {
      const m = await page.evaluate(() => {
        const views = document.getElementById('views');
        const small = [...document.querySelectorAll('h1, .lede, button, summary, .report-text p')]
          .filter((e) => e.getClientRects().length && parseFloat(getComputedStyle(e).fontSize) < 12).map((e) => e.outerHTML.slice(0, 60));
        return { scrollW: document.documentElement.scrollWidth, viewsScroll: views.scrollWidth >= views.clientWidth, small };
      });
      assert.ok(m.scrollW <= 320, `nothing is wider than the screen (${m.scrollW})`);
      assert.deepEqual(m.small, [], 'no text under 12 px');
      await screenshot(page, 'touch-phone-320-start');
    });
  });
});

describe('a tap on a bar', () => {
  test('shows its detail in place, pinned, selects it, and the page does not move', TIMEOUT, async () => {
    await withPhone({}, async (page) => {
      const labels = await HEADLINE_LABELS(page);
      const p = await barPoint(page, 2);
      const y0 = await page.evaluate(() => scrollY);
      await events(page);
      await page.touchscreen.tap(p.x, p.y);
      await page.waitForTimeout(700); // longer than a smooth scroll would take to start and show
      const t = await tip(page);
      assert.ok(t.visible, 'the detail shows after a tap');
      assert.ok(t.text.includes(labels[2]), `it names the bar (${labels[2]}): ${t.text}`);
      assert.equal(t.bold.length, 1, 'the source sentence has its figure in bold');
      assert.match(t.bold[0], /\d/, `the bold words are the figure: ${t.bold[0]}`);
      assertOnScreen(t, 'tap on bar 2');
      const st = await state(page);
      assert.equal(st.pinned, 2, 'the detail is pinned to bar 2');
      assert.equal(st.focus, 2, 'bar 2 is selected');
      const ev = await events(page);
      assert.ok(ev.some((e) => e.type === 'select' && e.id), `a select event fired: ${JSON.stringify(ev)}`);
      assert.equal(await page.evaluate(() => scrollY), y0, 'the page did not scroll');
      // The sentence is marked, and the page offers to go there.
      assert.equal(await page.locator('.fig.active').count(), 1, 'the figure is marked in the text');
      assert.ok(await page.locator('#show-in-report').isVisible(), '在原文中查看 shows');
      const strip = await page.locator('#picked').boundingBox();
      assert.ok(strip && strip.y + strip.height <= 740 + 0.5 && strip.y >= 0, `the strip is on screen: ${JSON.stringify(strip)}`);
      assert.match(await page.locator('#picked-quote').textContent(), /\d/, 'the strip quotes the figure');
      await screenshot(page, 'touch-phone-375-after-tap');
      // It stays: a moment later, still there.
      await page.waitForTimeout(300);
      assert.ok((await tip(page)).visible, 'the detail is still shown');
    });
  });

  test('a second tap, a tap off the bars, a tap elsewhere on the page, Escape: each hides it', TIMEOUT, async () => {
    await withPhone({}, async (page) => {
      const tapBar = async (k) => { const p = await barPoint(page, k); await page.touchscreen.tap(p.x, p.y); await frames(page); };
      const hidden = async (what) => {
        assert.equal((await tip(page)).visible, false, `${what}: the detail is hidden`);
        assert.equal((await state(page)).pinned, null, `${what}: nothing pinned`);
      };
      await tapBar(1);
      assert.ok((await tip(page)).visible);
      await tapBar(1);
      await hidden('second tap on the same bar');

      await tapBar(1);
      await tapBar(3);
      assert.equal((await state(page)).pinned, 3, 'a tap on another bar moves the detail there');
      assert.ok((await tip(page)).text.includes((await HEADLINE_LABELS(page))[3]));

      // Off the bars, on the chart: its title.
      const title = await page.evaluate((sel) => { const c = document.querySelector(sel).getBoundingClientRect(); return { x: c.left + 12, y: c.top + 10 }; }, CHART_CANVAS);
      await page.touchscreen.tap(title.x, title.y);
      await frames(page);
      await hidden('tap on the chart off the bars');

      // Elsewhere on the page: the lede (not a control).
      await tapBar(2);
      await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      const lede = await page.locator('#lede').boundingBox();
      await page.touchscreen.tap(lede.x + 20, lede.y + lede.height / 2);
      await frames(page);
      await hidden('tap elsewhere on the page');

      await tapBar(4);
      await page.keyboard.press('Escape');
      await frames(page);
      await hidden('Escape');
      assert.equal((await state(page)).focus, null, 'Escape clears the selection too');
    });
  });

  test('the detail fits on a 320 px screen wherever the tapped bar is', TIMEOUT, async () => {
    await withPhone({ width: 320, height: 568, dpr: 2 }, async (page) => {
      for (const view of ['headline', 'section']) {
        await page.evaluate((v) => window.chart.setView(v), view);
        const n = (await state(page)).rows;
        for (const k of [0, Math.floor(n / 2), n - 1]) {
          for (const dx of [2, null]) {
            const p = await barPoint(page, k, { dx });
            await page.touchscreen.tap(Math.min(Math.max(p.x, 4), 316), p.y);
            await frames(page);
            const t = await tip(page);
            if (!t.visible) {
              // That tap fell on the pinned bar again and unpinned it: tap once more.
              await page.touchscreen.tap(Math.min(Math.max(p.x, 4), 316), p.y);
              await frames(page);
            }
            const t2 = await tip(page);
            assert.ok(t2.visible, `${view} bar ${k}: detail shown`);
            assertOnScreen(t2, `${view} bar ${k} at ${dx ?? 'middle'}`);
          }
        }
        if (view === 'section') await screenshot(page, 'touch-phone-320-section-tap');
      }
    });
  });
});

describe('fingers and the page', () => {
  test('a vertical swipe over the chart scrolls the page and pins nothing', TIMEOUT, async () => {
    await withPhone({}, async (page) => {
      const a = await barPoint(page, 1);
      const y0 = await page.evaluate(() => scrollY);
      await stroke(page, [a, ...path(a, { x: a.x, y: a.y - 240 }, 24)]);
      await page.waitForTimeout(400);
      const y1 = await page.evaluate(() => scrollY);
      assert.ok(y1 > y0 + 100, `the page scrolled down (scrollY ${y0} → ${y1})`);
      assert.equal((await state(page)).pinned, null, 'a swipe pins no detail');
      assert.equal((await tip(page)).visible, false);
    });
  });

  test('a sideways slide scrubs the detail along the bars, up and down, without scrolling', TIMEOUT, async () => {
    await withPhone({}, async (page) => {
      const labels = await HEADLINE_LABELS(page);
      await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      const a = await barPoint(page, 0, { dx: 20 });
      const b = await barPoint(page, 3, { dx: 60 });
      const y0 = await page.evaluate(() => scrollY);
      await events(page);
      const side = { x: a.x + 30, y: a.y };
      await stroke(page, [a, ...path(a, side, 4), ...path(side, b, 10)]);
      await frames(page);
      assert.equal(await page.evaluate(() => scrollY), y0, 'the page did not scroll');
      const st = await state(page);
      assert.equal(st.pinned, 3, 'the detail followed the finger down to bar 3');
      const t = await tip(page);
      assert.ok(t.visible && t.text.includes(labels[3]), `the detail names bar 3: ${t.text}`);
      assertOnScreen(t, 'after a scrub');
      const ev = await events(page);
      const hovers = ev.filter((e) => e.type === 'hover').map((e) => e.id);
      assert.ok(hovers.length >= 2, `hover events followed the finger: ${JSON.stringify(ev)}`);
      assert.equal(ev.filter((e) => e.type === 'select').length, 0, 'a slide selects nothing');
      // It stays after the finger lifts, and a tap elsewhere takes it away.
      const lede = await page.locator('#lede').boundingBox();
      await page.touchscreen.tap(lede.x + 20, lede.y + lede.height / 2);
      await frames(page);
      assert.equal((await state(page)).pinned, null, 'a tap elsewhere unpins the scrubbed detail');
    });
  });

  test('a mouse keeps hover: it shows, leaves, and a click selects without pinning', TIMEOUT, async () => {
    await withPhone({ width: 1280, height: 800, dpr: 1, touch: false }, async (page) => {
      const p = await barPoint(page, 2);
      await page.mouse.move(p.x, p.y);
      await frames(page);
      assert.ok((await tip(page)).visible, 'hover shows the detail');
      assert.equal((await state(page)).pinned, null, 'hover pins nothing');
      await page.mouse.click(p.x, p.y);
      const st = await state(page);
      assert.equal(st.focus, 2, 'a click selects');
      assert.equal(st.pinned, null, 'a click pins nothing');
      await page.mouse.move(2, 2);
      await frames(page);
      await page.mouse.move(p.x, p.y + 400 > 790 ? 5 : p.y + 400);
      await page.mouse.move(1275, 795);
      await frames(page);
      assert.equal((await state(page)).pinned, null);
      // A mouse press elsewhere does not disturb the chart either.
      await page.mouse.click(640, 20);
      assert.equal((await state(page)).focus, 2, 'the selection stays');
    });
  });
});

describe('在原文中查看 and 返回图表', () => {
  test('the button scrolls to the sentence, 返回图表 back to the bar', TIMEOUT, async () => {
    await withPhone({}, async (page) => {
      const p = await barPoint(page, 5);
      await page.touchscreen.tap(p.x, p.y);
      await frames(page);
      assert.ok(await page.locator('#back-to-chart').isHidden(), '返回图表 hides while the chart is on screen');
      const btn = await page.locator('#show-in-report').boundingBox();
      await page.touchscreen.tap(btn.x + btn.width / 2, btn.y + btn.height / 2);
      await page.waitForFunction(() => {
        const r = document.querySelector('.fig.active').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }, null, { timeout: 5000 });
      assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('fig')), 'the figure has the keyboard focus');
      await page.waitForFunction(() => !document.getElementById('back-to-chart').hidden, null, { timeout: 5000 });
      await page.waitForTimeout(500); // the smooth scroll's last frames
      await screenshot(page, 'touch-phone-375-in-report');
      const back = await page.locator('#back-to-chart').boundingBox();
      assert.ok(back.y + back.height <= 740 && back.x + back.width <= 375, `返回图表 is on screen: ${JSON.stringify(back)}`);
      await page.touchscreen.tap(back.x + back.width / 2, back.y + back.height / 2);
      await page.waitForFunction((sel) => {
        const c = document.querySelector(sel).getBoundingClientRect();
        const r = window.chart.barRect(window.chart.getState().focus);
        const y = c.top + r.y + r.height / 2;
        return y >= 0 && y <= innerHeight;
      }, CHART_CANVAS, { timeout: 5000 });
      assert.equal((await state(page)).focus, 5, 'the bar is still selected');
      await page.waitForFunction(() => document.getElementById('back-to-chart').hidden, null, { timeout: 5000 });
    });
  });

  test('at the foot of the page, 返回图表 covers none of the report', TIMEOUT, async () => {
    await withPhone({}, async (page) => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction(() => !document.getElementById('back-to-chart').hidden, null, { timeout: 5000 });
      const back = await page.locator('#back-to-chart').boundingBox();
      const text = await page.evaluate(() => {
        const ps = document.querySelectorAll('.report-text p');
        const r = ps[ps.length - 1].getBoundingClientRect();
        return { bottom: r.bottom };
      });
      assert.ok(text.bottom <= back.y, `the report's last line (bottom ${text.bottom}) ends above 返回图表 (top ${back.y})`);
    });
  });

  test('a figure tapped in the text selects its bar without a jump', TIMEOUT, async () => {
    await withPhone({}, async (page) => {
      const fig = page.locator('.fig').nth(20);
      await fig.scrollIntoViewIfNeeded();
      const b = await fig.boundingBox();
      await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
      await page.waitForTimeout(500);
      assert.notEqual((await state(page)).focus, null, 'a bar is selected');
      // The view may change above it (scrollY then moves with scroll anchoring); the figure stays put.
      const after = await fig.boundingBox();
      assert.ok(Math.abs(after.y - b.y) < 2, `the figure stayed where it was on screen (${b.y} → ${after.y}): no jump to the chart`);
      assert.ok(await page.locator('#back-to-chart').isVisible(), '返回图表 offers the way');
    });
  });
});
