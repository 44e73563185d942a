// Forced colours (Windows high contrast), through Chromium's emulation: the chart paints
// in the reader's system colours and follows the mode on and off; the host page's figure
// marks keep an outline when backgrounds are dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART_CANVAS, screenshot, sharedBrowser, waitForSettled } from './helpers.mjs';

const TIMEOUT = { timeout: 60_000 };
const env = sharedBrowser(TIMEOUT);

/** The system colours as the page resolves them, and the canvas's colours with their pixel counts. */
function readColours(page) {
  return page.evaluate((sel) => {
    const probe = document.createElement('div');
    probe.style.forcedColorAdjust = 'none';
    document.body.append(probe);
    const sys = {};
    for (const k of ['Canvas', 'CanvasText', 'Highlight', 'GrayText']) {
      probe.style.color = k;
      sys[k] = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number).join(',');
    }
    probe.remove();
    const c = document.querySelector(sel);
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    return { sys, counts: [...counts.entries()], total: data.length / 4 };
  }, CHART_CANVAS);
}

test('with forced colours the chart paints in the system colours, and follows the mode', TIMEOUT, async () => {
  const page = await env.open({ dpr: 1, path: '/index.html' });
  try {
    assert.equal(await waitForSettled(page), 'ready');
    await page.emulateMedia({ forcedColors: 'active' });
    await page.waitForTimeout(300);
    const { sys, counts, total } = await readColours(page);
    const system = new Set(Object.values(sys));
    // Anti-aliased edges blend two system colours; whole areas are system colours only.
    const inSystem = counts.filter(([k]) => system.has(k)).reduce((n, [, c]) => n + c, 0);
    assert.ok(inSystem / total > 0.9, `≥ 90% of pixels are system colours (${(inSystem / total).toFixed(3)}); system ${JSON.stringify(sys)}`);
    const bars = counts.find(([k]) => k === sys.Highlight);
    assert.ok(bars && bars[1] > 500, `bars are painted in Highlight (${sys.Highlight})`);
    await screenshot(page, 'forced-colors-chart');
    // The figure marks keep a visible outline where the background is dropped.
    const outline = await page.evaluate(() => {
      const f = document.querySelector('.report-text .fig');
      const cs = getComputedStyle(f);
      return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    assert.equal(outline.style, 'solid', 'figure marks have an outline');
    assert.ok(outline.width >= 1, 'figure marks have a visible outline');
    // Forced colours off again: the chart's own palette returns.
    await page.emulateMedia({ forcedColors: 'none' });
    await page.waitForTimeout(300);
    const after = await readColours(page);
    const highlightPixels = after.counts.find(([k]) => k === sys.Highlight)?.[1] ?? 0;
    assert.ok(highlightPixels < 50, `off again, the bars leave Highlight (${highlightPixels} px)`);
    assert.deepEqual(page.errors, [], 'no console errors');
  } finally {
    await page.context().close();
  }
});
