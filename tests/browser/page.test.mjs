// Browser tests of the host page www/index.html in headless Chromium.
// Page contract: ?data= picks the JSON (default data/report-2022.json); body[data-state]
// goes loading -> ready | error; #status (role=alert) shows the error; the widget's
// visible canvas is `#chart canvas.ic-canvas`; window.chart is the mounted handle.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART_CANVAS, canvasStats, screenshot, sharedBrowser, waitForSettled } from './helpers.mjs';

// Generous caps so a hung browser fails the run instead of stalling CI.
const TIMEOUT = { timeout: 60_000 };

const env = sharedBrowser(TIMEOUT);

describe('index.html renders the chart', () => {
  for (const dpr of [1, 2]) {
    test(`at devicePixelRatio ${dpr}`, TIMEOUT, async () => {
      const page = await env.open({ dpr, path: '/index.html' });
      try {
        const state = await waitForSettled(page);
        if (state === 'error') {
          const status = await page.locator('#status').textContent();
          assert.fail(`page reported an error: ${status}\nerrors: ${page.errors.join('\n')}`);
        }
        assert.ok(await page.evaluate(() => window.chart != null), 'window.chart is set');

        const s = await canvasStats(page, CHART_CANVAS);
        const detail = JSON.stringify(s);
        assert.ok(s.cssWidth > 0 && s.cssHeight > 0, `canvas has a CSS size: ${detail}`);
        assert.equal(s.width, Math.round(s.cssWidth * dpr), `backing store width = round(css width × ${dpr}): ${detail}`);
        assert.equal(s.height, Math.round(s.cssHeight * dpr), `backing store height = round(css height × ${dpr}): ${detail}`);
        // Something substantial is drawn (bars, labels, axes), in at least 3 colours.
        assert.ok(s.nonBackgroundPixels >= 0.02 * s.width * s.height, `≥ 2% of pixels drawn: ${detail}`);
        assert.ok(s.distinctColors >= 3, `≥ 3 distinct non-background colours: ${detail}`);

        await screenshot(page, `page-dpr${dpr}`);
        assert.deepEqual(page.errors, [], 'no console errors or page errors');
      } finally {
        await page.context().close();
      }
    });
  }
});

describe('index.html with missing data', () => {
  test('ends in state "error" with a visible message', TIMEOUT, async () => {
    const page = await env.open({ path: '/index.html?data=data/does-not-exist.json' });
    try {
      assert.equal(await waitForSettled(page), 'error');
      const status = page.locator('#status');
      const text = (await status.textContent())?.trim() ?? '';
      assert.ok(text.length > 0, '#status has text');
      assert.match(text, /does-not-exist|404|not found|fail|error|could not|cannot|unable|失败|错误|无法|未能/i,
        `#status mentions the failure: ${JSON.stringify(text)}`);
      assert.ok(await status.isVisible(), '#status is visible');
      // ...and on screen, not scrolled away or positioned off the viewport.
      const box = await status.boundingBox();
      const vp = page.viewportSize();
      assert.ok(box && box.width > 0 && box.height > 0 && box.x < vp.width && box.y < vp.height &&
        box.x + box.width > 0 && box.y + box.height > 0, `#status is inside the viewport: ${JSON.stringify(box)}`);
      await screenshot(page, 'page-missing-data');
      // The failed fetch itself logs a console error (the 404); uncaught exceptions are bugs.
      assert.deepEqual(page.pageErrors, [], 'no uncaught page errors');
    } finally {
      await page.context().close();
    }
  });
});
