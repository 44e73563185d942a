// Firefox (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi: the Engine
// interface of common.mjs. (Playwright's Firefox is a patched build that cannot be
// installed here; puppeteer drives the stock browser.)
import { pageSession, toolsPackage } from './common.mjs';

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
      // BiDi browsingContext.setViewport with devicePixelRatio.
      await page.setViewport({ width, height, deviceScaleFactor: dpr, hasTouch: touch });
      return pageSession('firefox', page, url, () => context.close());
    },
    close: () => browser.close(),
  };
}
