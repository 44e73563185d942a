// Chromium (Debian's) through playwright-core: the Engine interface of common.mjs.
import { writeFile } from 'node:fs/promises';
import { launch as launchChromium } from '../helpers.mjs';
import { artifactPath, pollUntil } from './common.mjs';

/** Starts headless Chromium; each open() is a fresh context (viewport, deviceScaleFactor, touch). */
export async function launch() {
  const browser = await launchChromium();
  return {
    name: 'chromium',
    async open({ url, width = 1280, height = 800, dpr = 1, touch = false }) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch });
      const page = await context.newPage();
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
          const file = await artifactPath('chromium', name);
          await writeFile(file, await page.screenshot());
          return file;
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
