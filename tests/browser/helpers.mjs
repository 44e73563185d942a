// Shared helpers for the headless-Chromium tests (run with `node --test tests/browser/`).
// playwright-core lives in tools/node_modules (installed by ./build.sh); we resolve it
// from there so the tests need no NODE_PATH and no node_modules of their own.
import { after, before } from 'node:test';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer as startStaticServer } from '../../tools/serve.mjs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = path.join(REPO, 'tests', 'artifacts');
// The page contract: the widget's visible canvas.
export const CHART_CANVAS = '#chart canvas.ic-canvas';

const requireFromTools = createRequire(path.join(REPO, 'tools', 'package.json'));
let chromium;
try {
  ({ chromium } = requireFromTools('playwright-core'));
} catch (e) {
  throw new Error(`playwright-core not found in tools/node_modules: run ./build.sh build first (${e.message})`);
}

/** Serve www/ (or $IC_WWW_ROOT) on a random 127.0.0.1 port. Resolves to { url, close }. */
export function startServer({ root = process.env.IC_WWW_ROOT ?? path.join(REPO, 'www') } = {}) {
  return startStaticServer({ root, port: 0 });
}

/** Debian's headless Chromium; playwright never downloads a browser here. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

/**
 * The browser and the static server (www/) a test file shares: started in a `before` hook,
 * closed in an `after` hook, both registered by this call. `env.browser` and `env.server`
 * are set once the hook has run; `env.open(opts)` is openPage on them (`baseUrl` = the
 * server's URL). Work that needs them before the tests goes in `setup(env)`, run at the end
 * of the same hook: node:test does not wait for one top-level `before` before the next.
 */
export function sharedBrowser(timeout, setup = async () => {}) {
  const env = {
    server: null,
    browser: null,
    open: (opts = {}) => openPage(env.browser, { baseUrl: env.server.url, ...opts }),
  };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
    await setup(env);
  }, timeout);
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A page in a fresh context with the given device pixel ratio and viewport, navigated to
 * `baseUrl + path` when both are given. page.errors collects console errors and uncaught
 * page errors as strings (page.consoleErrors / page.pageErrors hold them separately).
 * Close with `await page.context().close()` (or close the browser).
 */
export async function openPage(browser, { dpr = 1, width = 1280, height = 800, path: urlPath, baseUrl, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ deviceScaleFactor: dpr, viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  page.errors = [];
  page.consoleErrors = [];
  page.pageErrors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    // Chromium's own favicon probe is not the page's doing.
    if (/\/favicon\.ico$/.test(loc?.url ?? '')) return;
    const text = `console.error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`;
    page.consoleErrors.push(text);
    page.errors.push(text);
  });
  page.on('pageerror', (err) => {
    const text = `pageerror: ${err.stack ?? err.message ?? err}`;
    page.pageErrors.push(text);
    page.errors.push(text);
  });
  if (urlPath !== undefined && baseUrl) await page.goto(new URL(urlPath, baseUrl + '/').href);
  return page;
}

/**
 * Wait until document.body.dataset.state is 'ready' or 'error' and return it. On timeout,
 * throws with the current state, #status text and collected errors, to make failures readable.
 */
export async function waitForSettled(page, timeout = 20_000) {
  try {
    await page.waitForFunction(() => ['ready', 'error'].includes(document.body?.dataset.state), null, { timeout });
  } catch (e) {
    const { state, status } = await page.evaluate(() => ({
      state: document.body?.dataset.state,
      status: document.querySelector('#status')?.textContent ?? null,
    })).catch(() => ({}));
    throw new Error(`page did not settle in ${timeout} ms: state=${state}, #status=${JSON.stringify(status)}, ` +
      `errors=${JSON.stringify(page.errors)}`, { cause: e });
  }
  return page.evaluate(() => document.body.dataset.state);
}

/** The host page (index.html) in `env` (see sharedBrowser), settled; throws if it settled on an error. */
export async function openHostReady(env, opts = {}) {
  const page = await env.open({ path: '/index.html', ...opts });
  if ((await waitForSettled(page)) === 'error') {
    throw new Error(`page error: ${await page.locator('#status').textContent()}`);
  }
  return page;
}

/** Opens the host page's paste panel, replaces its text with `text` and clicks 提取并绘图. */
export async function pasteReport(page, text) {
  const details = page.locator('#paste');
  if (!(await details.evaluate((d) => d.open))) await page.locator('#paste summary').click();
  await page.locator('#paste-text').fill(text);
  await page.locator('#paste-extract').click();
}

/** Screenshot of the viewport (or the whole page) to tests/artifacts/<name>.png; returns the path. */
export async function screenshot(page, name, { fullPage = false } = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Pixel statistics of a canvas' backing store, computed in the page:
 *   width, height          backing store size (canvas.width/height)
 *   cssWidth, cssHeight    its CSS box (getBoundingClientRect)
 *   background             the most frequent quantised colour [r,g,b,a], taken as background
 *   nonBackgroundPixels    pixels whose quantised colour differs from it
 *   distinctColors         quantised non-background colours covering at least minShare of the
 *                          pixels (min 4 px), so anti-aliasing fringes don't count
 *   topColors              up to 8 most frequent quantised colours with their pixel counts
 * Colours are quantised to 3 bits per channel (alpha 2 bits). Works for 2d and WebGL canvases
 * (copies the canvas with drawImage, leaving the page's own context untouched).
 */
export function canvasStats(page, selector = CHART_CANVAS, { minShare = 0.0005 } = {}) {
  return page.evaluate(({ selector, minShare }) => {
    const canvas = document.querySelector(selector);
    if (!canvas) throw new Error(`no element matches ${selector}`);
    const { width, height } = canvas;
    const rect = canvas.getBoundingClientRect();
    const base = { width, height, cssWidth: rect.width, cssHeight: rect.height };
    if (!width || !height) return { ...base, background: null, nonBackgroundPixels: 0, distinctColors: 0, topColors: [] };
    const copy = document.createElement('canvas');
    copy.width = width;
    copy.height = height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, width, height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = ((data[i] >> 5) << 11) | ((data[i + 1] >> 5) << 8) | ((data[i + 2] >> 5) << 5) | (data[i + 3] >> 6);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    const decode = (k) => [((k >> 11) & 7) << 5, ((k >> 8) & 7) << 5, ((k >> 5) & 7) << 5, (k & 3) << 6];
    const total = width * height;
    const [bgKey, bgCount] = sorted[0];
    const minPixels = Math.max(4, Math.ceil(total * minShare));
    return {
      ...base,
      background: decode(bgKey),
      nonBackgroundPixels: total - bgCount,
      distinctColors: sorted.slice(1).filter(([, n]) => n >= minPixels).length,
      topColors: sorted.slice(0, 8).map(([k, n]) => ({ rgba: decode(k), pixels: n })),
    };
  }, { selector, minShare });
}

/**
 * Screenshot of one element (cropped to its box) to tests/artifacts/<name>.png; returns the
 * path. `target` is a selector or a playwright Locator; the element is scrolled into view.
 */
export async function screenshotElement(page, target, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  const locator = typeof target === 'string' ? page.locator(target) : target;
  await locator.screenshot({ path: file });
  return file;
}

/**
 * Resolves once the widget's screen-reader tables are filled: the widget fills them in a
 * task queued from the frame after a render, so a frame and then a task later they are.
 */
export function tablesFilled(page) {
  return page.evaluate(() => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0))));
}
