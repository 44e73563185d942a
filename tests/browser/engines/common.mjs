// What the three engine adapters (chromium.mjs, firefox.mjs, webkit.mjs) share. Each adapter
// exports launch() → an Engine:
//
//   engine.name                      'chromium' | 'firefox' | 'webkit'
//   engine.open({ url, width, height, dpr, touch })  → a Page at that viewport (CSS px) and
//                                    devicePixelRatio, navigated to url
//   engine.close()                   ends the browser and everything the adapter started
//
//   page.evaluate(fn, arg)           runs fn(arg) in the page (fn may be async); its JSON result
//   page.waitFor(fn, arg, timeout)   polls fn(arg) in the page until truthy; its result
//   page.mouseMove(x, y)             moves the mouse to viewport CSS px (x, y)
//   page.tap(x, y)                   a touch tap there
//   page.press(key)                  a key press ('ArrowDown', 'Escape', …) to the focused element
//   page.errors()                    console errors and uncaught page errors so far (a promise
//                                    of strings)
//   page.screenshot(name)            the viewport to tests/artifacts/engines/<engine>-<name>.png
//   page.close()
//
// An adapter whose taps are not real touches exports TAP_NOTE, which the tap test's name
// carries (webkit.mjs).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const ARTIFACTS = path.join(REPO, 'tests', 'artifacts', 'engines');

const requireFromTools = createRequire(path.join(REPO, 'tools', 'package.json'));

/** A package from tools/node_modules (installed by ./build.sh), with a readable error when missing. */
export function toolsPackage(name) {
  try {
    return requireFromTools(name);
  } catch (e) {
    throw new Error(`${name} not found in tools/node_modules: run ./build.sh build first (${e.message})`);
  }
}

/** The file a screenshot named `name` of `engine` goes to (the folder is created). */
export async function artifactPath(engine, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, `${engine}-${name}.png`);
}

/** waitFor on top of an evaluate: polls every 50 ms; on timeout throws with the last value. */
export async function pollUntil(evaluate, fn, arg, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await evaluate(fn, arg);
    if (last) return last;
    if (Date.now() > end) throw new Error(`waitFor timed out after ${timeout} ms (last value ${JSON.stringify(last)}): ${String(fn).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The Page interface for a Playwright or Puppeteer page (they share these calls): collects
 * the page's errors (not a missing favicon), goes to `url`, and `close` ends its context.
 */
export async function pageSession(engine, page, url, close) {
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location()?.url ?? '')) errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message ?? e}`));
  await page.goto(url);
  const evaluate = (fn, arg) => page.evaluate(fn, arg);
  return {
    evaluate,
    waitFor: (fn, arg, timeout) => pollUntil(evaluate, fn, arg, timeout),
    mouseMove: (x, y) => page.mouse.move(x, y),
    tap: (x, y) => page.touchscreen.tap(x, y),
    press: (key) => page.keyboard.press(key),
    errors: async () => [...errors],
    async screenshot(name) {
      const file = await artifactPath(engine, name);
      await writeFile(file, await page.screenshot());
      return file;
    },
    close,
  };
}
