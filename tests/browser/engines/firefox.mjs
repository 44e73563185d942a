// Firefox (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi: the Engine
// interface of common.mjs. (Playwright's Firefox is a patched build that cannot be
// installed here; puppeteer drives the stock browser.)
import { writeFile } from 'node:fs/promises';
import { artifactPath, pollUntil, toolsPackage } from './common.mjs';

/** Starts headless Firefox; each open() is a fresh browser context with its own viewport and dpr. */
export async function launch() {
  const puppeteer = toolsPackage('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
  });
  return {
    name: 'firefox',
    async open({ url, width = 1280, height = 800, dpr = 1, touch = false }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message ?? e}`));
      // BiDi browsingContext.setViewport with devicePixelRatio.
      await page.setViewport({ width, height, deviceScaleFactor: dpr, hasTouch: touch });
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
          const file = await artifactPath('firefox', name);
          await writeFile(file, await page.screenshot());
          return file;
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
