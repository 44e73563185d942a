// Screenshots of every view as artifacts for people to look at (tests/artifacts/, not
// committed): headline, rates, section (each top-level part with figures), overview and
// money, at devicePixelRatio 1 and 2, in Chinese and English, light; headline and a
// section in dark. Each is cropped to the chart and must have drawn something.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHART_CANVAS, REPO, canvasStats, screenshotElement, sharedBrowser, waitForSettled } from './helpers.mjs';

const TIMEOUT = { timeout: 180_000 };

const env = sharedBrowser(TIMEOUT);
let DS;
before(async () => {
  DS = JSON.parse(await readFile(path.join(REPO, 'www', 'data', 'report-2022.json'), 'utf8'));
}, TIMEOUT);

/** Top-level parts that state at least one distinct figure. */
function topSections() {
  const top = (id) => {
    let s = DS.sections.find((x) => x.id === id);
    while (s && s.parent) s = DS.sections.find((x) => x.id === s.parent);
    return s?.id;
  };
  const used = new Set(DS.indicators.filter((i) => !i.repeat_of).map((i) => top(i.section)));
  return DS.sections.filter((s) => !s.parent && used.has(s.id)).map((s) => s.id);
}

/** [name, view, options] for one set of screenshots. */
function shots(all) {
  if (!all) return [['headline', 'headline', {}], ['section-s3', 'section', { section: 's3' }]];
  return [
    ['headline', 'headline', {}],
    ['rates', 'rates', {}],
    ...topSections().map((s) => [`section-${s}`, 'section', { section: s }]),
    ['overview', 'overview', {}],
    ['money', 'money', {}],
  ];
}

async function capture(page, prefix, list) {
  for (const [name, view, opts] of list) {
    await page.evaluate(({ view, opts }) => window.chart.setView(view, { section: null, ...opts }), { view, opts });
    const st = await page.evaluate(() => window.chart.getState());
    assert.equal(st.view, view);
    // The chart panel scrolls past the viewport's height; make the viewport tall enough
    // that the whole chart is painted, so the crop shows all of it.
    const need = Math.ceil(st.height) + 400;
    const vp = page.viewportSize();
    if (need > vp.height) await page.setViewportSize({ width: vp.width, height: need });
    const s = await canvasStats(page, CHART_CANVAS);
    assert.ok(s.nonBackgroundPixels > 0.01 * s.width * s.height, `${prefix}-${name}: the canvas drew (> 1% of pixels): ${JSON.stringify(s)}`);
    assert.equal(s.width, Math.round(s.cssWidth * st.dpr), `${prefix}-${name}: backing store matches dpr`);
    await screenshotElement(page, '#chart', `${prefix}-${name}`);
  }
}

describe('screenshots of every view', () => {
  const sets = [];
  for (const dpr of [1, 2]) {
    for (const locale of ['zh', 'en']) sets.push({ dpr, locale, theme: 'light', all: true });
  }
  for (const dpr of [1, 2]) sets.push({ dpr, locale: 'zh', theme: 'dark', all: false });
  for (const { dpr, locale, theme, all } of sets) {
    test(`${locale}, ${theme}, devicePixelRatio ${dpr}`, TIMEOUT, async () => {
      const page = await env.open({
        dpr, path: `/index.html?locale=${locale}&theme=${theme}`, colorScheme: theme,
      });
      try {
        assert.equal(await waitForSettled(page), 'ready', `page ready: ${page.errors.join('\n')}`);
        await capture(page, `view-${locale}-${theme}-dpr${dpr}`, shots(all));
        assert.deepEqual(page.errors, [], 'no console errors or page errors');
      } finally {
        await page.context().close();
      }
    });
  }
});
