// Chromium (Debian's) through playwright-core: the Engine interface of common.mjs.
import { launch as launchChromium } from '../helpers.mjs';
import { pageSession } from './common.mjs';

/** Starts headless Chromium; each open() is a fresh context (viewport, deviceScaleFactor, touch). */
export async function launch() {
  const browser = await launchChromium();
  return {
    name: 'chromium',
    async open({ url, width = 1280, height = 800, dpr = 1, touch = false }) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch });
      return pageSession('chromium', await context.newPage(), url, () => context.close());
    },
    close: () => browser.close(),
  };
}
