// The embed page www/embed.html and the host-side helper www/embed.js in headless Chromium:
// a test host page on another origin (a second static server on a temp dir) holds the
// iframe snippet that the host page's embed dialog gives, and the iframe takes the chart's
// height; the embed page runs under its CSP with no violation; bad parameters and a `data`
// address off its origin give a message. The dialog itself: keyboard, snippets, copying.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO, openPage, screenshot, sharedBrowser, waitForSettled } from './helpers.mjs';
import { startServer as startStaticServer } from '../../tools/serve.mjs';

const TIMEOUT = { timeout: 90_000 };
const env = sharedBrowser(TIMEOUT);

// The other origin: a temp dir of host pages, served on another port.
let hostDir;
let host;
before(async () => {
  hostDir = await mkdtemp(path.join(tmpdir(), 'ic-embed-host-'));
  host = await startStaticServer({ root: hostDir, port: 0 });
}, TIMEOUT);
after(async () => {
  await host?.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

/** Writes a host page holding `body` and returns its URL on the other origin. */
async function hostPage(name, body) {
  await writeFile(path.join(hostDir, name), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title></head>
<body style="margin:0;padding:16px;font:16px sans-serif;background:#eef">
<p>A page that embeds the chart.</p>
${body}
<p id="after">Text after the chart.</p>
</body></html>
`);
  return `${host.url}/${name}`;
}

/** Records CSP violations and errors in every frame, before any page script. */
function instrument() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  }, true);
}

/** The embedded frame (by its URL), once its page has settled. */
async function embedFrame(page) {
  let frame;
  await page.waitForFunction(() => true);
  for (let i = 0; i < 200 && !frame; i += 1) {
    frame = page.frames().find((f) => f.url().includes('/embed.html'));
    if (!frame) await page.waitForTimeout(50);
  }
  assert.ok(frame, 'the embed frame is there');
  await frame.waitForFunction(() => ['ready', 'error'].includes(document.body?.dataset.state), null, { timeout: 20_000 });
  return frame;
}

/** Waits until the iframe's height equals the embedded body's height; returns both. */
async function heightsAgree(page, frame, what) {
  let last;
  for (let i = 0; i < 100; i += 1) {
    const body = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const iframe = await page.evaluate(() => document.querySelector('iframe[data-indicator-chart]').getBoundingClientRect().height);
    last = { body, iframe };
    if (Math.abs(body - iframe) <= 1) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`${what}: the iframe did not take the chart's height: ${JSON.stringify(last)}`);
}

/** The embed dialog's snippets for the host page at `query`. */
async function dialogSnippets(query) {
  const page = await env.open({ path: `/index.html${query}` });
  try {
    assert.equal(await waitForSettled(page), 'ready');
    await page.click('#embed');
    return await page.evaluate(() => ({ frame: document.getElementById('embed-frame').value, element: document.getElementById('embed-element').value }));
  } finally {
    await page.context().close();
  }
}

describe('the iframe snippet on a page of another origin', () => {
  test('the iframe takes the chart\'s height and follows it; no CSP violation', TIMEOUT, async () => {
    const { frame: snippet } = await dialogSnippets('?view=section&section=s2');
    const url = await hostPage('snippet.html', snippet.replace('loading="lazy"', 'loading="eager"'));
    const page = await openPage(env.browser, { width: 900, height: 700 });
    try {
      await page.addInitScript(instrument);
      await page.goto(url);
      const frame = await embedFrame(page);
      assert.equal(await frame.evaluate(() => document.body.dataset.state), 'ready');
      const st = await frame.evaluate(() => window.chart.getState());
      assert.equal(st.view, 'section');
      assert.equal(st.section, 's2');
      const h1 = await heightsAgree(page, frame, 'section s2');
      assert.ok(h1.iframe > 300, `taller than the iframe's first height: ${JSON.stringify(h1)}`);
      const fit = await frame.evaluate(() => ({
        canvas: document.querySelector('#chart canvas.ic-canvas').getBoundingClientRect().height,
        scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight,
      }));
      assert.ok(fit.canvas <= h1.body && fit.canvas > 0.8 * h1.body, `the body is the chart: ${JSON.stringify(fit)}`);
      assert.ok(fit.scroll <= fit.client + 1, `no scrolling inside the frame: ${JSON.stringify(fit)}`);
      await screenshot(page, 'embed-iframe-section');

      // Another view inside the frame: a new height, and the iframe follows.
      await frame.evaluate(() => window.chart.setView('money', {}));
      const h2 = await heightsAgree(page, frame, 'money');
      assert.ok(h2.iframe < h1.iframe - 100, `the shorter money view: ${JSON.stringify({ h1, h2 })}`);
      await screenshot(page, 'embed-iframe-money');

      const csp = [...await page.evaluate(() => window.__csp), ...await frame.evaluate(() => window.__csp)];
      assert.deepEqual(csp, [], 'no CSP violation in the host page or the embed');
      assert.deepEqual(page.errors, [], 'no console or page errors');
    } finally {
      await page.context().close();
    }
  });

  test('embed.js ignores messages from elsewhere and heights out of range', TIMEOUT, async () => {
    const src = `${env.server.url}/embed.html?view=money`;
    const url = await hostPage('guard.html', `<iframe data-indicator-chart src="${src}" title="chart" width="100%" height="150" style="border:0"></iframe>
<iframe id="plain" src="${src}" title="unmarked" width="100%" height="150" style="border:0"></iframe>
<script src="${env.server.url}/embed.js"></script>`);
    const page = await openPage(env.browser, { width: 900, height: 700 });
    try {
      await page.goto(url);
      const frame = await embedFrame(page);
      const good = await heightsAgree(page, frame, 'money');
      assert.equal(await page.evaluate(() => document.getElementById('plain').getBoundingClientRect().height), 150, 'an unmarked iframe is left alone');
      const marked = () => page.evaluate(() => document.querySelector('iframe[data-indicator-chart]').getBoundingClientRect().height);
      // From the host page itself (not the frame): ignored.
      await page.evaluate(() => window.postMessage({ type: 'indicator-chart:height', height: 999 }, '*'));
      // From the frame, but not a sane number: ignored.
      for (const height of ['500', -5, 0, 1e9, null, Number.NaN]) {
        await frame.evaluate((height) => window.parent.postMessage({ type: 'indicator-chart:height', height }, '*'), height);
      }
      await frame.evaluate(() => window.parent.postMessage({ type: 'other', height: 700 }, '*'));
      await page.waitForTimeout(200);
      assert.equal(await marked(), good.iframe, 'none of them changed the height');
      // A sane number from the frame: taken.
      await frame.evaluate(() => window.parent.postMessage({ type: 'indicator-chart:height', height: 321.2 }, '*'));
      await page.waitForFunction(() => document.querySelector('iframe[data-indicator-chart]').getBoundingClientRect().height === 322);
    } finally {
      await page.context().close();
    }
  });
});

describe('embed.html on its own', () => {
  test('runs under its CSP with no violation, selects ?id= with its tooltip, sets aside bad values', TIMEOUT, async () => {
    const page = await openPage(env.browser, { baseUrl: env.server.url, width: 600, height: 500 });
    try {
      await page.addInitScript(instrument);
      await page.goto(`${env.server.url}/embed.html?view=rates&locale=en&theme=dark&sort=nope&id=incident-resolution-rate`);
      assert.equal(await waitForSettled(page), 'ready');
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
      assert.match(csp, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
      assert.doesNotMatch(csp.replace(/'wasm-unsafe-eval'/g, ''), /unsafe/, csp);
      const markup = await readFile(path.join(REPO, 'www', 'embed.html'), 'utf8');
      assert.doesNotMatch(markup, /<style|\sstyle=|<script(?![^>]*\ssrc=)|\son[a-z]+=/i, 'no inline script, style or handler in the markup');
      const st = await page.evaluate(() => window.chart.getState());
      assert.deepEqual([st.view, st.locale, st.theme, st.sort], ['rates', 'en', 'dark', 'report']);
      assert.notEqual(st.focus, null, 'the ?id= bar is selected');
      const tip = await page.evaluate(() => {
        const t = document.querySelector('#chart .ic-tooltip');
        return { shown: getComputedStyle(t).display !== 'none', text: t.textContent };
      });
      assert.ok(tip.shown && tip.text.includes('Incident resolution rate'), JSON.stringify(tip));
      assert.match(await page.locator('#notice').textContent(), /sort=nope \(not one of its values\)/);
      assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
      assert.deepEqual(page.errors, []);
      await screenshot(page, 'embed-alone-en-dark');
    } finally {
      await page.context().close();
    }
  });

  test('a data address not on its own origin is refused with a message (and the frame takes its height)', TIMEOUT, async () => {
    for (const data of ['https://example.com/report.json', '//example.com/r.json', 'javascript:alert(1)', 'data:application/json,{}', 'http://[bad']) {
      const page = await openPage(env.browser, { baseUrl: env.server.url });
      try {
        await page.goto(`${env.server.url}/embed.html?data=${encodeURIComponent(data)}`);
        assert.equal(await waitForSettled(page), 'error', data);
        const status = page.locator('#status');
        assert.ok(await status.isVisible());
        assert.match(await status.textContent(), /同源/, data);
        assert.deepEqual(page.pageErrors, []);
      } finally {
        await page.context().close();
      }
    }
    const url = await hostPage('bad-data.html', `<iframe data-indicator-chart src="${env.server.url}/embed.html?locale=en&data=https%3A%2F%2Fexample.com%2Fr.json" title="chart" width="100%" height="20" style="border:0"></iframe>
<script src="${env.server.url}/embed.js"></script>`);
    const page = await openPage(env.browser, { width: 700, height: 400 });
    try {
      await page.goto(url);
      const frame = await embedFrame(page);
      assert.match(await frame.locator('#status').textContent(), /only http\(s\) addresses on this page's own origin/);
      const h = await heightsAgree(page, frame, 'the message');
      assert.ok(h.iframe > 30, `the message is not cut off: ${JSON.stringify(h)}`);
      await screenshot(page, 'embed-bad-data');
    } finally {
      await page.context().close();
    }
  });

  test('a relative data address on its origin works', TIMEOUT, async () => {
    const page = await openPage(env.browser, { baseUrl: env.server.url, path: '/embed.html?data=data%2Freport-2022.json&view=overview' });
    try {
      assert.equal(await waitForSettled(page), 'ready');
      assert.equal((await page.evaluate(() => window.chart.getState())).view, 'overview');
    } finally {
      await page.context().close();
    }
  });
});

describe('the embed dialog', () => {
  test('opens with the current state\'s snippets, copies them, closes on Escape and gives focus back', TIMEOUT, async () => {
    const page = await env.open({ path: '/index.html?view=section&section=s3&sort=value&locale=zh' });
    try {
      assert.equal(await waitForSettled(page), 'ready');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
      await page.locator('#embed').focus();
      await page.keyboard.press('Enter');
      const dialog = page.locator('#embed-dialog');
      await dialog.waitFor({ state: 'visible' });
      const d = await page.evaluate(() => {
        const dlg = document.getElementById('embed-dialog');
        const parse = (html) => new DOMParser().parseFromString(html, 'text/html');
        const f = parse(document.getElementById('embed-frame').value);
        const e = parse(document.getElementById('embed-element').value);
        const iframe = f.querySelector('iframe');
        const el = e.querySelector('indicator-chart');
        return {
          modal: dlg.open && dlg.matches(':modal'), focusInside: dlg.contains(document.activeElement),
          readOnly: [...dlg.querySelectorAll('textarea')].every((t) => t.readOnly),
          src: iframe.getAttribute('src'), title: iframe.getAttribute('title'), width: iframe.getAttribute('width'),
          loading: iframe.getAttribute('loading'), marked: iframe.hasAttribute('data-indicator-chart'),
          script: f.querySelector('script')?.getAttribute('src'),
          el: Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)])),
          imports: e.querySelector('script')?.textContent, origin: location.origin, docTitle: document.title,
        };
      });
      assert.ok(d.modal && d.focusInside && d.readOnly, JSON.stringify(d));
      const src = new URL(d.src);
      assert.equal(`${src.origin}${src.pathname}`, `${d.origin}/embed.html`, 'an absolute embed.html address');
      assert.deepEqual(Object.fromEntries(src.searchParams), { view: 'section', section: 's3', sort: 'value' });
      assert.equal(d.title, d.docTitle);
      assert.equal(d.width, '100%');
      assert.equal(d.loading, 'lazy');
      assert.ok(d.marked, 'marked for embed.js');
      assert.equal(d.script, `${d.origin}/embed.js`);
      assert.deepEqual(d.el, { src: `${d.origin}/data/report-2022.json`, view: 'section', section: 's3', sort: 'value', locale: 'zh' });
      assert.match(d.imports, /import 'indicator-chart\/element'/);
      await screenshot(page, 'embed-dialog');

      await page.click('#embed-frame-copy');
      await page.waitForFunction(() => document.getElementById('embed-status').textContent === '已复制');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('#embed-frame').inputValue());
      await page.click('#embed-element-copy');
      await page.waitForFunction(async () => (await navigator.clipboard.readText()) === document.getElementById('embed-element').value);

      // Tab reaches every control of the dialog and nothing behind it (the page is inert;
      // from the last control the browser may take the focus to its own UI, the body here).
      const visited = new Set();
      for (let i = 0; i < 10; i += 1) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
          const a = document.activeElement;
          if (!a || a === document.body) return { id: null, inside: true };
          return { id: a.id, inside: document.getElementById('embed-dialog').contains(a) };
        });
        assert.ok(at.inside, `Tab ${i + 1} focused ${at.id}, behind the dialog`);
        if (at.id) visited.add(at.id);
      }
      assert.deepEqual([...visited].sort(), ['embed-close', 'embed-element', 'embed-element-copy', 'embed-frame', 'embed-frame-copy']);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed', 'focus is back on the embed button');

      // The close button too; and the snippets follow the state.
      await page.click('#views button[data-view="rates"]');
      await page.click('#embed');
      const src2 = new URL(await page.evaluate(() => new DOMParser()
        .parseFromString(document.getElementById('embed-frame').value, 'text/html').querySelector('iframe').getAttribute('src')));
      assert.equal(src2.searchParams.get('view'), 'rates');
      await page.click('#embed-close');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });
});
