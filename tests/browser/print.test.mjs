// Printing the host page www/index.html in headless Chromium: the print stylesheet hides
// the controls and keeps the chart and the report text; the widget draws the chart again
// for paper at a device ratio of at least 3, in light colours, and as before afterwards.
// page.pdf() prints for real (it fires beforeprint, the print media query and afterprint);
// Debian's pdftoppm (poppler-utils, installed by ./build.sh test) renders the PDF's first
// page to check that the chart's bars are on it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ARTIFACTS, CHART_CANVAS, canvasStats, sharedBrowser, waitForSettled } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const env = sharedBrowser(TIMEOUT);
const run = promisify(execFile);

async function openReady(query, opts = {}) {
  const page = await env.open({ path: `/index.html${query}`, ...opts });
  assert.equal(await waitForSettled(page), 'ready');
  return page;
}

/** Resolves after two frames: the chart has drawn whatever was pending. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** How the page and the chart look now: hidden parts, the canvas's backing store and box. */
function printState(page) {
  return page.evaluate((sel) => {
    const shown = (el) => el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
    const c = document.querySelector(sel);
    const r = c.getBoundingClientRect();
    return {
      hidden: ['#locale', '.controls', '#paste', '#copy-link', '#embed', '#png', '#views'].filter((s) => !shown(document.querySelector(s))),
      reportShown: shown(document.getElementById('report-text')),
      chartShown: shown(c),
      backing: [c.width, c.height], css: [r.width, r.height],
      dpr: window.chart.getState().dpr,
    };
  }, CHART_CANVAS);
}

/** Pixels of a binary PPM (P6, as pdftoppm writes it): { width, height, rgb(x, y) }. */
function readPpm(buf) {
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  assert.ok(m, 'pdftoppm wrote a PPM');
  const [head, w, h] = [m[0].length, Number(m[1]), Number(m[2])];
  return { width: w, height: h, rgb: (x, y) => { const i = head + 3 * (y * w + x); return [buf[i], buf[i + 1], buf[i + 2]]; } };
}

describe('print media', () => {
  for (const dpr of [1, 2]) {
    test(`controls hidden, chart and text kept, the canvas drawn at ≥ 3× and back (screen dpr ${dpr})`, TIMEOUT, async () => {
      const page = await openReady('?theme=dark', { dpr });
      try {
        const before = await printState(page);
        assert.equal(before.dpr, dpr);
        assert.deepEqual(before.hidden, [], 'on screen every control shows');
        await page.emulateMedia({ media: 'print' });
        await frames(page);
        const p = await printState(page);
        const detail = JSON.stringify(p);
        assert.deepEqual(p.hidden, ['#locale', '.controls', '#paste', '#copy-link', '#embed', '#png', '#views'], `hidden in print: ${detail}`);
        assert.ok(p.reportShown && p.chartShown, `chart and report text print: ${detail}`);
        assert.equal(p.dpr, 3, `drawn at device ratio 3 for print: ${detail}`);
        assert.ok(p.backing[0] >= 3 * p.css[0] - 1, `backing store ≥ 3× the CSS width: ${detail}`);
        assert.ok(Math.abs(p.backing[1] / p.backing[0] - p.css[1] / p.css[0]) < 0.01, `proportions kept: ${detail}`);
        // On paper the chart is in light colours, whatever the screen's theme.
        const s = await canvasStats(page, CHART_CANVAS);
        assert.ok(s.background.slice(0, 3).every((v) => v >= 192), `a light background in print: ${JSON.stringify(s.background)}`);

        await page.emulateMedia({ media: 'screen' });
        await frames(page);
        const back = await printState(page);
        assert.equal(back.dpr, dpr, 'back to the screen\'s ratio');
        assert.equal(back.backing[0], Math.round(back.css[0] * dpr), `backing store back to ${dpr}×: ${JSON.stringify(back)}`);
        assert.equal((await canvasStats(page, CHART_CANVAS)).background.slice(0, 3).every((v) => v >= 192), false, 'dark again');
        assert.deepEqual(page.errors, []);
      } finally {
        await page.context().close();
      }
    });
  }
});

describe('page.pdf()', () => {
  test('prints the chart sharp on the first page and the report text after it', TIMEOUT, async () => {
    const page = await openReady('?view=section&section=s2', { width: 1280, height: 800 });
    const dir = await mkdtemp(path.join(tmpdir(), 'ic-print-'));
    try {
      await page.evaluate(() => {
        window.__renders = [];
        window.chart.on('render', () => window.__renders.push(window.chart.getState().dpr));
      });
      const pdf = await page.pdf({ format: 'A4' });
      await mkdir(ARTIFACTS, { recursive: true });
      await writeFile(path.join(ARTIFACTS, 'print-section-s2.pdf'), pdf);
      const renders = await page.evaluate(() => window.__renders);
      assert.ok(renders.some((d) => d >= 3), `printing drew the chart at ≥ 3×: ${JSON.stringify(renders)}`);
      assert.equal(renders.at(-1), 1, `and at the screen's ratio afterwards: ${JSON.stringify(renders)}`);

      const pdfPath = path.join(dir, 'page.pdf');
      await writeFile(pdfPath, pdf);
      const { stdout: info } = await run('pdfinfo', [pdfPath]);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      assert.ok(pages >= 2, `the chart and the report text take several pages: ${pages}`);

      // Page 1 at 50 dpi: the bars (#0072b2) are there, in a band as tall as a good part of the page.
      await run('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', pdfPath, path.join(dir, 'p')]);
      const img = readPpm(await readFile(path.join(dir, 'p-1.ppm')));
      let blue = 0;
      let top = img.height;
      let bottom = 0;
      for (let y = 0; y < img.height; y += 1) {
        for (let x = 0; x < img.width; x += 1) {
          const [r, g, b] = img.rgb(x, y);
          if (b > 120 && b - r > 80 && b - g > 30) {
            blue += 1;
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
        }
      }
      const detail = JSON.stringify({ blue, top, bottom, width: img.width, height: img.height });
      assert.ok(blue > 0.01 * img.width * img.height, `page 1 has the chart's bars: ${detail}`);
      assert.ok(bottom - top > 0.3 * img.height, `they span a good part of the page: ${detail}`);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
